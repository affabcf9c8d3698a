using Boilerplate.Tests.Support;
using static Boilerplate.Tests.NativeTypes.GeneratedCode;

namespace Boilerplate.Tests.NativeTypes;

/// <summary>GET /types/csharp, as ServiceStack's csharp-ref and x tools read and refresh it.</summary>
public class CSharpTypesTests : ApiFixture
{
    private async Task<string> CSharpAsync(string query = "")
    {
        var response = await Api.GetAsync("/types/csharp" + query);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Text;
    }

    [Test]
    public async Task Options_absent_from_the_query_are_commented_out_in_ServiceStacks_order_with_their_defaults()
    {
        var code = await CSharpAsync();

        Assert.That(HeaderLines(code)[3], Is.EqualTo("BaseUrl: http://localhost"));
        Assert.That(OptionLines(code), Is.EqualTo(new[]
        {
            "//GlobalNamespace: ",
            "//MakePartial: True",
            "//MakeVirtual: True",
            "//MakeInternal: False",
            "//MakeDataContractsExtensible: False",
            "//AddNullableAnnotations: False",
            "//AddReturnMarker: True",
            "//AddDescriptionAsComments: True",
            "//AddDataContractAttributes: False",
            "//AddIndexesToDataMembers: False",
            "//AddGeneratedCodeAttributes: False",
            "//AddResponseStatus: False",
            "//AddImplicitVersion: ",
            "//InitializeCollections: False",
            "//ExportValueTypes: False",
            "//IncludeTypes: ",
            "//ExcludeTypes: ",
            "//AddNamespaces: ",
            "//AddDefaultXmlNamespace: http://schemas.servicestack.net/types",
        }));
    }

    [Test]
    public async Task An_option_in_the_query_is_written_bare_with_its_effective_value()
    {
        var options = OptionLines(await CSharpAsync("?makepartial=False&AddNamespaces=System.Linq,System.Text"));

        Assert.That(options, Does.Contain("MakePartial: False"));
        Assert.That(options, Does.Contain("AddNamespaces: System.Linq,System.Text"));
        Assert.That(options, Does.Contain("//MakeVirtual: True"));
    }

    [Test]
    public async Task The_usings_are_ServiceStacks_then_the_DTO_namespaces_then_AddNamespaces()
    {
        var code = await CSharpAsync("?AddNamespaces=System.Linq");

        Assert.That(code, Does.Contain("*/\n\n" + string.Concat(new[]
        {
            "System", "System.IO", "System.Collections", "System.Collections.Generic", "System.Runtime.Serialization",
            "ServiceStack", "ServiceStack.DataAnnotations", "Boilerplate.ServiceModel", "Boilerplate.ServiceModel.Types", "System.Linq",
        }.Select(name => $"using {name};\n")) + "\nnamespace Boilerplate.ServiceModel\n{\n"));
    }

    [TestCase("CreateUser", "/user", "POST", "TokenResponse")]
    [TestCase("GetUsers", "/user", "GET", "GetUsersResponse")]
    [TestCase("GetUser", "/user/{public_id}", "GET", "User")]
    [TestCase("GetCurrentUser", "/user/me", "GET", "User")]
    [TestCase("Login", "/auth/login", "POST", "LoginResponse")]
    [TestCase("LoginMfa", "/auth/login/mfa", "POST", "TokenResponse")]
    [TestCase("ForgotPassword", "/auth/forgot-password", "POST", "StatusResponse")]
    [TestCase("Logout", "/auth/logout", "POST", "StatusResponse")]
    public async Task Each_request_DTO_carries_its_route_response_and_verb_marker(string name, string path, string verb, string response)
    {
        var dto = Class(await CSharpAsync(), name);

        Assert.That(dto, Does.StartWith($"    [Route(\"{path}\", \"{verb}\")]\n"));
        Assert.That(dto, Does.Contain($"    public partial class {name} : IReturn<{response}>, I{verb[0]}{verb[1..].ToLowerInvariant()}\n"));
    }

    [Test]
    public async Task A_wire_name_that_is_not_camelCase_is_kept_with_DataMember_on_a_DataContract()
    {
        var code = await CSharpAsync();

        Assert.That(Class(code, "GetUser"), Does.Contain("    [DataContract]\n    public partial class GetUser")
            .And.Contain("        [DataMember(Name=\"public_id\")]\n        public virtual string PublicId { get; set; }\n"));
        Assert.That(Class(code, "User"), Does.Contain("        [DataMember(Name=\"registered_on\")]\n        public virtual DateTime RegisteredOn { get; set; }\n")
            .And.Contain("        [DataMember]\n        public virtual string Email { get; set; }\n"));
        Assert.That(Class(code, "GetUsers"), Does.Contain("        [DataMember(Name=\"per_page\")]\n        public virtual int? PerPage { get; set; }\n"));
        Assert.That(Class(code, "TokenResponse"), Does.Contain("        [DataMember(Name=\"Authorization\")]\n"));
        Assert.That(Class(code, "StatusResponse"), Does.Contain("[DataContract]"), "a data contract's base must be one too, or its properties are not serialized");
        Assert.That(Class(code, "CreateUser"), Does.Not.Contain("DataContract").And.Not.Contain("DataMember"));
    }

    [Test]
    public async Task ServiceStacks_own_types_are_not_written()
    {
        var code = await CSharpAsync();
        Assert.That(HasClass(code, "ResponseStatus") || HasClass(code, "ResponseError"), Is.False);
    }

    [Test]
    public async Task MakePartial_and_MakeVirtual_false_write_plain_classes_and_properties()
    {
        var code = await CSharpAsync("?MakePartial=false&MakeVirtual=false");

        Assert.That(Class(code, "GetUser"), Does.Contain("    public class GetUser : IReturn<User>, IGet\n")
            .And.Contain("        public string PublicId { get; set; }\n"));
    }

    [Test]
    public async Task GlobalNamespace_puts_every_type_in_that_one_namespace()
    {
        var code = await CSharpAsync("?GlobalNamespace=Client.Dtos");

        Assert.That(code, Does.Contain("\nnamespace Client.Dtos\n{\n"));
        Assert.That(code, Does.Not.Contain("namespace Boilerplate").And.Not.Contain("using Boilerplate"));
        Assert.That(HasClass(code, "User") && HasClass(code, "GetUser"), Is.True);
    }

    [Test]
    public async Task IncludeTypes_and_ExcludeTypes_choose_the_types()
    {
        var code = await CSharpAsync("?IncludeTypes=Login.*&ExcludeTypes=StatusResponse");

        Assert.That(HasClass(code, "Login") && HasClass(code, "LoginResponse"), Is.True);
        Assert.That(HasClass(code, "StatusResponse") || HasClass(code, "GetUser"), Is.False);
    }

    [TestCase("")]
    [TestCase("?GlobalNamespace=Client.Dtos&MakePartial=false&MakeVirtual=false&AddResponseStatus=true&AddNamespaces=System.Linq")]
    [TestCase("?MakeInternal=true&AddReturnMarker=false&WithoutOptions")]
    public async Task The_generated_code_compiles_against_the_ServiceStack_contract(string query)
    {
        var errors = GeneratedCSharp.CompileErrors(await CSharpAsync(query));
        Assert.That(errors.Select(e => e.ToString()), Is.Empty);
    }

    [Test]
    public void The_compile_check_reports_errors_in_code_that_does_not_compile()
    {
        var errors = GeneratedCSharp.CompileErrors("namespace X { public class Broken : IReturn<Missing> { } }");
        Assert.That(errors, Is.Not.Empty);
    }
}
