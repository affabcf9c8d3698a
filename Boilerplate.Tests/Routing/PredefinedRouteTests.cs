using System.Text;
using Boilerplate.Tests.Support;
using ServiceStack;

namespace Boilerplate.Tests.Routing;

/// <summary>
/// Every operation is also served at /api/{Name} (what ServiceStack's TypeScript client calls)
/// and /json/reply/{Name} (the .NET clients' fallback), with the same guards and answers.
/// </summary>
[OnEachDatabase]
public class PredefinedRouteTests(DatabaseKind kind) : ApiFixture(kind)
{
    private string adminToken = null!;

    [OneTimeSetUp]
    public async Task CreateAdmin() => adminToken = await Factory.CreateAdminAsync(UniqueName("admin"));

    [TestCase("/api/CreateUser")]
    [TestCase("/api/createuser")]
    [TestCase("/api/CreateUser.json")]
    [TestCase("/json/reply/CreateUser")]
    [TestCase("/json/oneway/CreateUser")]
    public async Task Registering_works_at_every_predefined_route(string path)
    {
        var name = UniqueName();
        var response = await Api.PostAsync(path, new { email = $"{name}@example.com", username = name, password = "password-123" });

        Assert.That(response.Status, Is.EqualTo(201), response.Text);
        Assert.That(response.String("message"), Is.EqualTo("Successfully registered."));
    }

    [Test]
    public async Task The_typescript_clients_text_plain_json_is_read()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name);
        var body = new StringContent($$"""{"email":"{{name}}@example.com","password":"password-123"}""", Encoding.UTF8, "text/plain");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/Login", body);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Get_operations_bind_from_the_query_string_by_wire_name()
    {
        var publicId = (await Api.GetAsync("/user/me", adminToken)).String("public_id");

        var user = await Api.GetAsync($"/api/GetUser?public_id={publicId}", adminToken);
        var page = await Api.GetAsync("/api/GetUsers?per_page=1", adminToken);

        Assert.That(user.Status, Is.EqualTo(200), user.Text);
        Assert.That(user.String("public_id"), Is.EqualTo(publicId));
        Assert.That(page.Body["data"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(page.Body["per_page"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Guards_hold_on_predefined_routes_too()
    {
        var userToken = await Api.RegisterAsync(UniqueName());

        Assert.That((await Api.GetAsync("/api/GetCurrentUser")).Status, Is.EqualTo(401));
        Assert.That((await Api.GetAsync("/api/GetUsers", userToken)).Status, Is.EqualTo(403));
        Assert.That((await Api.GetAsync("/json/reply/GetUsers", userToken)).Status, Is.EqualTo(403));
        Assert.That((await Api.PostAsync("/api/Logout")).Status, Is.EqualTo(403));
        Assert.That((await Api.GetAsync("/api/GetCurrentUser", userToken)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Validation_holds_on_predefined_routes_too()
    {
        var response = await Api.PostAsync("/api/CreateUser", new { email = "nope", username = "x", password = "short" });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ResponseStatus["errors"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task On_a_predefined_route_the_query_only_fills_what_the_body_left_unset()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name, "password-123");

        var filled = await Api.PostAsync($"/api/Login?email={name}@example.com", new { password = "password-123" });
        var notOverwritten = await Api.PostAsync("/api/Login?email=someone-else@example.com", new { email = $"{name}@example.com", password = "password-123" });

        Assert.That(filled.Status, Is.EqualTo(200), filled.Text);
        Assert.That(notOverwritten.Status, Is.EqualTo(200), notOverwritten.Text);
    }

    [Test]
    public async Task On_a_custom_route_the_query_overwrites_the_body()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name, "password-123");

        var response = await Api.PostAsync("/auth/login?email=someone-else@example.com", new { email = $"{name}@example.com", password = "password-123" });

        Assert.That(response.Status, Is.EqualTo(401));
    }

    [TestCase("/api/NoSuchOperation")]
    [TestCase("/json/reply/NoSuchOperation")]
    public async Task An_unknown_operation_is_405_with_a_response_status(string path)
    {
        var response = await Api.PostAsync(path, new { });

        Assert.That(response.Status, Is.EqualTo(405));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("NotImplementedException"));
        Assert.That(response.String("message"), Is.EqualTo("The operation 'NoSuchOperation' does not exist for this service."));
    }

    [Test]
    public async Task A_verb_the_service_has_no_method_for_is_405()
    {
        var response = await Api.SendAsync(HttpMethod.Put, "/api/Login", Api.Json(new { }));
        Assert.That(response.Status, Is.EqualTo(405));
        Assert.That(response.String("message"), Is.EqualTo("Login does not accept PUT."));
    }

    [Test]
    public async Task A_batch_runs_every_request_and_answers_an_array()
    {
        var (a, b) = (await PublicIdOf(await Api.RegisterAsync(UniqueName())), await PublicIdOf(await Api.RegisterAsync(UniqueName())));

        var response = await Api.PostAsync("/api/LockUser[]", new[] { new { public_id = a }, new { public_id = b } }, adminToken);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var results = response.Body.AsArray();
        Assert.That(results.Select(r => r!["public_id"]!.GetValue<string>()), Is.EqualTo(new[] { a, b }));
        Assert.That(results.Select(r => r!["locked"]!.GetValue<bool>()), Is.All.True);
        Assert.That(response.Header(ServiceDispatcher.BatchCompletedHeader), Is.Null);
    }

    [Test]
    public async Task A_batch_stops_at_the_first_failure_and_says_how_many_went_through()
    {
        var (a, b) = (await PublicIdOf(await Api.RegisterAsync(UniqueName())), await PublicIdOf(await Api.RegisterAsync(UniqueName())));

        var response = await Api.PostAsync("/api/LockUser[]",
            new[] { new { public_id = a }, new { public_id = Guid.NewGuid().ToString() }, new { public_id = b } }, adminToken);

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.Header(ServiceDispatcher.BatchCompletedHeader), Is.EqualTo("1"));
        Assert.That((await Api.GetAsync($"/user/{a}", adminToken)).Body["locked"]?.GetValue<bool>(), Is.True);
        Assert.That((await Api.GetAsync($"/user/{b}", adminToken)).Body["locked"], Is.Null, "the request after the failure never ran");
    }

    [TestCase("CreateUser")]
    [TestCase("Login")]
    [TestCase("Authenticate")]
    [TestCase("GetAccessToken")]
    public async Task Rate_limited_operations_cannot_be_batched(string operation)
    {
        var response = await Api.PostAsync($"/api/{operation}[]", new[] { new { }, new { } });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("BatchNotAllowed"));
    }

    [TestCase("{}")]
    [TestCase("[null]")]
    public async Task A_batch_body_that_is_not_an_array_of_requests_is_400(string body)
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/LockUser[]", new StringContent(body, Encoding.UTF8, "application/json"), adminToken);
        Assert.That(response.Status, Is.EqualTo(400), response.Text);
    }

    private async Task<string> PublicIdOf(string token) => (await Api.GetAsync("/user/me", token)).String("public_id");
}
