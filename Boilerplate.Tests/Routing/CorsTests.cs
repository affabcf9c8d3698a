using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Routing;

/// <summary>Cross-origin calls: only the configured front ends, with what ServiceStack's clients need.</summary>
public class CorsTests
{
    private const string FrontEnd = "http://app.example.com";

    [Test]
    public async Task A_listed_origin_is_echoed_with_credentials_and_x_cookies_exposed()
    {
        using var factory = new ApiFactory { Settings = { ["Cors:AllowedOrigins:0"] = FrontEnd } };
        var api = factory.CreateApi();

        var response = await Send(api, HttpMethod.Get, "/user/me", FrontEnd);

        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo(FrontEnd));
        Assert.That(response.Header("Access-Control-Allow-Credentials"), Is.EqualTo("true"));
        Assert.That(response.Header("Access-Control-Expose-Headers"), Does.Contain("X-Cookies"));
    }

    [Test]
    public async Task A_preflight_allows_authorization_and_the_five_verbs()
    {
        using var factory = new ApiFactory { Settings = { ["Cors:AllowedOrigins:0"] = FrontEnd } };
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/CreateUser");
        request.Headers.Add("Origin", FrontEnd);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(204));
        Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), Does.Contain("Authorization").IgnoreCase);
        Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), Does.Contain("POST"));
    }

    [Test]
    public async Task With_no_origins_configured_nothing_is_allowed()
    {
        using var factory = new ApiFactory();
        var response = await Send(factory.CreateApi(), HttpMethod.Get, "/user/me", FrontEnd);
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.Null);
    }

    [Test]
    public async Task An_unlisted_origin_gets_no_cors_headers()
    {
        using var factory = new ApiFactory { Settings = { ["Cors:AllowedOrigins:0"] = FrontEnd } };
        var response = await Send(factory.CreateApi(), HttpMethod.Get, "/user/me", "http://evil.example.com");
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.Null);
    }

    [Test]
    public async Task A_same_origin_request_with_an_origin_header_needs_no_policy_and_logs_no_refusal()
    {
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(logs: logs) { Settings = { ["Logging:LogLevel:Microsoft.AspNetCore.Cors"] = "Information" } };
        var api = factory.CreateApi();

        // The account pages' POSTs carry the page's own origin, as every browser sends it.
        var response = await Send(api, HttpMethod.Post, "/auth/login", "http://localhost");
        var crossOrigin = await Send(api, HttpMethod.Get, "/user/me", "http://evil.example.com");

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(crossOrigin.Header("Access-Control-Allow-Origin"), Is.Null);
        Assert.That(logs.Lines.Count(l => l.Contains("Microsoft.AspNetCore.Cors", StringComparison.Ordinal)), Is.GreaterThan(0), "the cross-origin one is judged by the policy");
        Assert.That(logs.Lines.Where(l => l.Contains("localhost", StringComparison.Ordinal) && l.Contains("Cors", StringComparison.Ordinal)), Is.Empty);
    }

    private static Task<ApiResponse> Send(Api api, HttpMethod method, string path, string origin) =>
        api.SendAsync(method, path, authorization: null, content: null, token: null, origin: origin);
}
