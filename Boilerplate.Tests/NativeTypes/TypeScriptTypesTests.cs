using Boilerplate.Tests.Support;
using static Boilerplate.Tests.NativeTypes.GeneratedCode;

namespace Boilerplate.Tests.NativeTypes;

/// <summary>GET /types/typescript, as ServiceStack's typescript-ref tool reads and refreshes it.</summary>
public class TypeScriptTypesTests : ApiFixture
{
    private async Task<string> TypeScriptAsync(string query = "")
    {
        var response = await Api.GetAsync("/types/typescript" + query);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Text;
    }

    [Test]
    public async Task The_code_is_plain_text()
    {
        var response = await Api.GetAsync("/types/typescript");
        Assert.That(response.Header("Content-Type"), Is.EqualTo("text/plain; charset=utf-8"));
    }

    [Test]
    public async Task The_header_gives_date_version_tip_and_base_url_then_a_blank_line()
    {
        var header = HeaderLines(await TypeScriptAsync());

        Assert.That(header[0], Does.Match(@"^Date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
        Assert.That(header[1], Does.Match(@"^Version: \d+\.\d+$"));
        Assert.That(header[2], Is.EqualTo("Tip: To override a DTO option, remove \"//\" prefix before updating"));
        Assert.That(header[3], Is.EqualTo("BaseUrl: http://localhost"));
        Assert.That(header[4], Is.Empty);
    }

    [Test]
    public async Task Options_absent_from_the_query_are_commented_out_in_ServiceStacks_order_with_their_defaults()
    {
        Assert.That(OptionLines(await TypeScriptAsync()), Is.EqualTo(new[]
        {
            "//GlobalNamespace: ",
            "//MakePropertiesOptional: False",
            "//AddServiceStackTypes: True",
            "//AddResponseStatus: False",
            "//AddImplicitVersion: ",
            "//AddDescriptionAsComments: True",
            "//IncludeTypes: ",
            "//ExcludeTypes: ",
            "//DefaultImports: ",
        }));
    }

    [Test]
    public async Task An_option_in_the_query_is_written_bare_with_its_effective_value_whatever_the_key_case()
    {
        var options = OptionLines(await TypeScriptAsync("?makepropertiesoptional=TRUE&IncludeTypes=GetUser.*,Login&GlobalNamespace="));

        Assert.That(options, Does.Contain("MakePropertiesOptional: True"));
        Assert.That(options, Does.Contain("IncludeTypes: GetUser.*,Login"));
        Assert.That(options, Does.Contain("//GlobalNamespace: "), "an empty value counts as absent");
        Assert.That(options, Does.Contain("//ExcludeTypes: "));
    }

    [Test]
    public async Task The_base_url_option_replaces_the_address_of_the_request()
    {
        var header = HeaderLines(await TypeScriptAsync("?BaseUrl=https://api.example.com"));
        Assert.That(header, Does.Contain("BaseUrl: https://api.example.com"));
    }

    [Test]
    public async Task WithoutOptions_leaves_out_the_header()
    {
        var code = await TypeScriptAsync("?WithoutOptions");
        Assert.That(code, Does.StartWith("// @ts-nocheck\n"));
        Assert.That(code, Does.Not.Contain("Options:"));
    }

    [Test]
    public async Task The_ServiceStack_types_come_first_after_ts_nocheck()
    {
        var code = await TypeScriptAsync();
        var order = new[] { "*/\n\n// @ts-nocheck\n", "export interface IReturn<T>", "export interface IReturnVoid", "export interface IGet", "export class ResponseStatus", "export class ResponseError", "export class CreateUser" }
            .Select(text => code.IndexOf(text, StringComparison.Ordinal))
            .ToList();

        Assert.That(order, Has.None.EqualTo(-1));
        Assert.That(order, Is.Ordered);
    }

    [Test]
    public async Task AddServiceStackTypes_false_leaves_them_to_an_import()
    {
        var code = await TypeScriptAsync("?AddServiceStackTypes=false&DefaultImports=IReturn,IGet,IPost,ResponseStatus:@servicestack/client");

        Assert.That(code, Does.Not.Contain("interface IReturn<T>"));
        Assert.That(HasClass(code, "ResponseStatus"), Is.False);
        Assert.That(code, Does.Contain("\nimport { IReturn, IGet, IPost, ResponseStatus } from \"@servicestack/client\";\n"));
    }

    [TestCase("CreateUser", "/user", "POST", "TokenResponse")]
    [TestCase("GetUsers", "/user", "GET", "GetUsersResponse")]
    [TestCase("GetUser", "/user/{public_id}", "GET", "User")]
    [TestCase("GetCurrentUser", "/user/me", "GET", "User")]
    [TestCase("Login", "/auth/login", "POST", "LoginResponse")]
    [TestCase("LoginMfa", "/auth/login/mfa", "POST", "TokenResponse")]
    [TestCase("ConfirmEmailChange", "/auth/confirm-email-change", "POST", "User")]
    [TestCase("Logout", "/auth/logout", "POST", "StatusResponse")]
    public async Task Each_request_DTO_names_its_route_type_verb_and_response(string name, string path, string verb, string response)
    {
        var dto = Class(await TypeScriptAsync(), name);

        Assert.That(dto, Does.StartWith($"// @Route(\"{path}\", \"{verb}\")\nexport class {name} implements IReturn<{response}>, I{verb[0]}{verb[1..].ToLowerInvariant()}\n{{\n"));
        Assert.That(dto, Does.Contain($"    public constructor(init?: Partial<{name}>) {{ (Object as any).assign(this, init); }}\n"));
        Assert.That(dto, Does.Contain($"    public getTypeName() {{ return '{name}'; }}\n"));
        Assert.That(dto, Does.Contain($"    public getMethod() {{ return '{verb}'; }}\n"));
        Assert.That(dto, Does.Contain($"    public createResponse() {{ return new {response}(); }}\n"));
    }

    [Test]
    public async Task Properties_are_named_and_typed_as_they_travel_on_the_wire()
    {
        var code = await TypeScriptAsync();

        Assert.That(Class(code, "User"), Does.Contain("    public public_id!: string;\n")
            .And.Contain("    public email!: string;\n")
            .And.Contain("    public admin!: boolean;\n")
            .And.Contain("    public registered_on!: string;\n"));
        Assert.That(Class(code, "GetUsers"), Does.Contain("    public page?: number;\n").And.Contain("    public per_page?: number;\n"));
        Assert.That(Class(code, "GetUsersResponse"), Does.Contain("    public data!: User[];\n").And.Contain("    public per_page!: number;\n"));
        Assert.That(Class(code, "GetUser"), Does.Contain("    public public_id?: string;\n"));
        Assert.That(Class(code, "TokenResponse"), Does.Contain("    public Authorization?: string;\n"));
        Assert.That(Class(code, "GetAccessTokenResponse"), Does.Contain("    public accessToken!: string;\n"));
        Assert.That(Class(code, "StatusResponse"), Does.Contain("    public responseStatus?: ResponseStatus;\n"));
    }

    [Test]
    public async Task A_derived_class_follows_its_base_and_passes_init_to_it()
    {
        var code = await TypeScriptAsync();

        Assert.That(code.IndexOf("export class StatusResponse\n", StringComparison.Ordinal),
            Is.LessThan(code.IndexOf("export class TokenResponse extends StatusResponse\n", StringComparison.Ordinal)).And.GreaterThan(0));
        Assert.That(Class(code, "TokenResponse"), Does.Contain("{ super(init); (Object as any).assign(this, init); }"));
    }

    [Test]
    public async Task MakePropertiesOptional_makes_every_property_optional()
    {
        var code = await TypeScriptAsync("?MakePropertiesOptional=true");

        Assert.That(code, Does.Not.Contain("!:"));
        Assert.That(Class(code, "User"), Does.Contain("    public public_id?: string;\n"));
    }

    [Test]
    public async Task AddResponseStatus_gives_response_types_without_one_a_responseStatus()
    {
        var code = await TypeScriptAsync("?AddResponseStatus=true");

        Assert.That(Class(code, "User"), Does.Contain("    public responseStatus?: ResponseStatus;\n"));
        Assert.That(Class(code, "GetUsersResponse"), Does.Contain("    public responseStatus?: ResponseStatus;\n"));
        Assert.That(Class(code, "TokenResponse"), Does.Not.Contain("responseStatus"), "its base has one");
        Assert.That(Class(code, "GetUser"), Does.Not.Contain("responseStatus"), "a request is not a response");
    }

    [Test]
    public async Task IncludeTypes_with_a_wildcard_brings_the_response_and_the_types_it_names()
    {
        var code = await TypeScriptAsync("?IncludeTypes=GetUsers.*");

        Assert.That(new[] { "GetUsers", "GetUsersResponse", "User" }.Where(name => !HasClass(code, name)), Is.Empty);
        Assert.That(new[] { "GetUser", "Login", "TokenResponse", "StatusResponse" }.Where(name => HasClass(code, name)), Is.Empty);
    }

    [Test]
    public async Task IncludeTypes_without_a_wildcard_takes_just_the_named_types()
    {
        var code = await TypeScriptAsync("?IncludeTypes=Login,User");

        Assert.That(HasClass(code, "Login") && HasClass(code, "User"), Is.True);
        Assert.That(HasClass(code, "TokenResponse") || HasClass(code, "CreateUser"), Is.False);
    }

    [Test]
    public async Task ExcludeTypes_leaves_out_the_named_types()
    {
        var code = await TypeScriptAsync("?ExcludeTypes=Login,Logout");

        Assert.That(HasClass(code, "Login") || HasClass(code, "Logout"), Is.False);
        Assert.That(HasClass(code, "CreateUser"), Is.True);
    }

    [Test]
    public async Task GlobalNamespace_wraps_every_type_in_an_exported_namespace()
    {
        var code = await TypeScriptAsync("?GlobalNamespace=Api");

        Assert.That(code, Does.Contain("// @ts-nocheck\n\nexport namespace Api\n{\n    export interface IReturn<T>\n"));
        Assert.That(code, Does.Contain("\n    export class User\n    {\n"));
        Assert.That(code.TrimEnd(), Does.EndWith("\n}"));
        Assert.That(OptionLines(code), Does.Contain("GlobalNamespace: Api"));
    }
}
