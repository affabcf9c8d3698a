using System.Reflection;
using ServiceStackLite.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceStack;

namespace ServiceStackLite.Tests.MessageLayer;

/// <summary>
/// A service in ServiceStack's idioms (Idioms/IdiomServices.cs: IRequest, IResponse, GetSession(),
/// GetClaimsPrincipal(), the HttpError factories, the guard and documentation attributes),
/// compiled on its own against the stand-in and served by it.
/// </summary>
public class IdiomTests
{
    private WebApplication app = null!;
    private Api api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(TestTokens.Name).AddScheme<AuthenticationSchemeOptions, TestTokens>(TestTokens.Name, null);
        builder.Services.AddServiceStackLite(options => options.ServiceAssemblies.Add(CompileIdioms()));
        app = builder.Build();
        app.UseServiceStackLiteErrors();
        app.MapServiceStackLite();
        await app.StartAsync();
        api = new Api(app.GetTestClient());
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    private const string Alice = "Test 42;alice;alice@example.com;";
    private const string Admin = "Test 7;root;root@example.com;Admin";

    [Test]
    public async Task A_service_reads_the_request_through_IRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/idioms/request?q=query")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "from the form" }),
        };
        request.Headers.Add("X-Custom", "custom");
        request.Headers.Add("Cookie", "flavour=oat");

        using var response = await app.GetTestClient().SendAsync(request);
        var body = new ApiResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);

        Assert.That(body.Status, Is.EqualTo(200), body.Text);
        Assert.That(body.String("verb"), Is.EqualTo("POST"));
        Assert.That(body.String("pathInfo"), Is.EqualTo("/idioms/request"));
        Assert.That(body.String("header"), Is.EqualTo("custom"));
        Assert.That(body.String("query"), Is.EqualTo("query"));
        Assert.That(body.String("form"), Is.EqualTo("from the form"));
        Assert.That(body.String("name"), Is.EqualTo("from the form"), "the DTO is bound from the same form");
        Assert.That(body.String("cookie"), Is.EqualTo("oat"));
        Assert.That(body.String("item"), Is.EqualTo("by a filter"));
        Assert.That(body.Body["isSecureConnection"]!.GetValue<bool>(), Is.False);
        Assert.That(body.Body["canBeCancelled"]!.GetValue<bool>(), Is.True);
        Assert.That(body.String("originalRequest"), Does.Contain("HttpRequest"), "OriginalRequest is the one escape hatch to ASP.NET Core");
        Assert.That(body.String("operationName"), Is.EqualTo("DescribeRequest"));
    }

    [Test]
    public async Task A_service_sets_the_status_and_headers_through_IResponse()
    {
        var response = await api.SendAsync(HttpMethod.Post, "/idioms/created", authorization: Alice);

        Assert.That(response.Status, Is.EqualTo(201));
        Assert.That(response.Message.Headers.Location?.ToString(), Is.EqualTo("/idioms/me"));
    }

    [Test]
    public async Task GetSession_is_the_caller_from_the_token_claims()
    {
        var response = await api.SendAsync(HttpMethod.Get, "/idioms/me", authorization: Alice);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Body["isAuthenticated"]!.GetValue<bool>(), Is.True);
        Assert.That(response.String("userAuthId"), Is.EqualTo("42"));
        Assert.That(response.String("userName"), Is.EqualTo("alice"));
        Assert.That(response.String("email"), Is.EqualTo("alice@example.com"));
        Assert.That(response.String("claimsName"), Is.EqualTo("alice"), "GetClaimsPrincipal() holds the same claims");
    }

    [TestCase("/idioms/admin", Admin, 200)]
    [TestCase("/idioms/admin", Alice, 403)]
    // As ServiceStack's RequiredRoleAttribute, which its role validators ask too: Admin passes every role and permission check.
    [TestCase("/idioms/editor", Admin, 200)]
    [TestCase("/idioms/editor", Alice, 403)]
    [TestCase("/idioms/editor", "Test 9;ed;ed@example.com;Editor", 200)]
    [TestCase("/idioms/publisher", "Test 9;ed;ed@example.com;Editor", 403)]
    [TestCase("/idioms/publisher", "Test 9;ed;ed@example.com;Editor,Publisher", 200)]
    [TestCase("/idioms/publisher", Admin, 200)]
    [TestCase("/idioms/reports", "Test 9;ed;ed@example.com;Editor;reports.read", 403)]
    [TestCase("/idioms/reports", "Test 9;ed;ed@example.com;Editor;reports.read,reports.write", 200)]
    [TestCase("/idioms/reports", null, 401)]
    [TestCase("/idioms/reports", Admin, 200)]
    [TestCase("/idioms/me", null, 401)]
    [TestCase("/idioms/me", "Test refused", 401)]
    public async Task The_guard_attributes_let_in_exactly_the_callers_they_name(string path, string? authorization, int status)
    {
        var response = await api.SendAsync(HttpMethod.Get, path, authorization: authorization);

        Assert.That(response.Status, Is.EqualTo(status), response.Text);
    }

    [Test]
    public async Task Format_csv_answers_the_first_list_as_csv_with_formulas_defused()
    {
        var response = await api.SendAsync(HttpMethod.Get, "/idioms/rows?format=csv");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Message.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Text, Is.EqualTo(
            "name,note,count\r\n" +
            "plain,\"a, \"\"quoted\"\" note\",1\r\n" +
            "\"'=HYPERLINK(\"\"http://evil.example\"\")\",,2\r\n" +
            "'-2+3,'@SUM(A1),3\r\n"));
        Assert.That((await api.SendAsync(HttpMethod.Get, "/idioms/rows")).Text, Does.StartWith("{"), "JSON otherwise");
    }

    [Test]
    public async Task A_refused_token_is_a_401_token_exception_with_the_handler_s_message()
    {
        var response = await api.SendAsync(HttpMethod.Get, "/idioms/me", authorization: "Test refused");

        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("TokenException"));
        Assert.That(response.ResponseStatus["message"]!.GetValue<string>(), Is.EqualTo("That token was revoked."));
    }

    [Test]
    public async Task A_handler_that_fails_with_an_HttpError_is_answered_with_it()
    {
        var response = await api.SendAsync(HttpMethod.Get, "/idioms/me", authorization: "Test flood");

        Assert.That(response.Status, Is.EqualTo(429));
        Assert.That(response.Header("Retry-After"), Is.EqualTo("30"));
        Assert.That(response.ResponseStatus["message"]!.GetValue<string>(), Is.EqualTo("Slow down."));
    }

    [Test]
    public async Task The_session_says_which_provider_authenticated_the_caller()
    {
        var byToken = await api.SendAsync(HttpMethod.Get, "/idioms/me", authorization: Alice);
        var byKey = await api.SendAsync(HttpMethod.Get, "/idioms/me", authorization: "Test apikey:42;alice;alice@example.com;");

        Assert.That(byToken.String("authProvider"), Is.EqualTo("jwt"));
        Assert.That(byKey.String("authProvider"), Is.EqualTo(AuthenticateService.ApiKeyProvider));
        Assert.That(byKey.String("userAuthId"), Is.EqualTo("42"));
    }

    [Test]
    public async Task An_operation_without_a_guard_never_reads_the_token()
    {
        var sent = await api.SendAsync(HttpMethod.Get, "/idioms/anonymous", authorization: Alice);
        var refused = await api.SendAsync(HttpMethod.Get, "/idioms/anonymous", authorization: "Test refused");

        Assert.That(sent.Body["isAuthenticated"]!.GetValue<bool>(), Is.False);
        Assert.That(refused.Status, Is.EqualTo(200), "a stale token sent along does no harm");
    }

    [Test]
    public async Task An_operation_with_optional_authentication_reads_a_token_when_one_is_sent()
    {
        var anonymous = await api.GetAsync("/idioms/maybe");
        var signedIn = await api.SendAsync(HttpMethod.Get, "/idioms/maybe", authorization: Alice);
        var refused = await api.SendAsync(HttpMethod.Get, "/idioms/maybe", authorization: "Test refused");

        Assert.That(anonymous.Body["isAuthenticated"]!.GetValue<bool>(), Is.False);
        Assert.That(signedIn.String("userAuthId"), Is.EqualTo("42"));
        Assert.That(refused.Status, Is.EqualTo(401));
    }

    [TestCase("not-found", 404, "NotFound", "No such thing.")]
    [TestCase("unauthorized", 401, "Unauthorized", "Who are you?")]
    [TestCase("forbidden", 403, "Forbidden", "Not for you.")]
    [TestCase("conflict", 409, "Conflict", "Already there.")]
    [TestCase("bad-request", 400, "BadRequest", "That makes no sense.")]
    [TestCase("bad-request-code", 400, "Nonsense", "That makes no sense either.")]
    [TestCase("unavailable", 503, "ServiceUnavailable", "Come back later.")]
    [TestCase("teapot", 418, "Teapot", "I am a teapot.")]
    [TestCase("by-enum", 410, "Gone", "Gone for good.")]
    public async Task The_HttpError_factories_answer_in_ServiceStack_s_argument_order(string kind, int status, string errorCode, string message)
    {
        var response = await api.PostAsync($"/idioms/fail/{kind}");

        Assert.That(response.Status, Is.EqualTo(status), response.Text);
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo(errorCode));
        Assert.That(response.ResponseStatus["message"]!.GetValue<string>(), Is.EqualTo(message));
    }

    [Test]
    public async Task HttpError_Validation_names_the_field_as_a_validator_would()
    {
        var response = await api.PostAsync("/idioms/fail/validation");

        Assert.That(response.Status, Is.EqualTo(400));
        var error = response.ResponseStatus["errors"]![0]!;
        Assert.That((error["errorCode"]!.GetValue<string>(), error["fieldName"]!.GetValue<string>(), error["message"]!.GetValue<string>()),
            Is.EqualTo(("NotEmpty", "Name", "Name is required.")));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("NotEmpty"));
    }

    /// <summary>The idioms file compiled with only the framework and the stand-in's two assemblies as references.</summary>
    private static Assembly CompileIdioms()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MessageLayer", "Idioms", "IdiomServices.cs"));
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                           || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll");
        var references = platform
            .Append(typeof(Service).Assembly.Location)
            .Append(typeof(IReturn<>).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Idioms", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.That(errors, Is.Empty, "the idioms compile against the stand-in");
        return Assembly.Load(output.ToArray());
    }
}
