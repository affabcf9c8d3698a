using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Auth;

/// <summary>Cookie mode (Auth:UseTokenCookies): tokens travel as HttpOnly cookies, as ServiceStack does.</summary>
[OnEachDatabase]
public class TokenCookieTests(DatabaseKind kind)
{
    private ApiFactory factory = null!;

    [OneTimeSetUp]
    public void Start() => factory = new ApiFactory(kind: kind) { Settings = { ["Auth:UseTokenCookies"] = "true" } };

    [OneTimeTearDown]
    public void Stop() => factory?.Dispose();

    [Test]
    public async Task Sign_in_sets_httponly_cookies_with_max_age_and_keeps_tokens_out_of_the_body()
    {
        var api = await SignedInAsync("cookie_a");
        var response = await api.PostAsync("/auth/credentials", new { userName = "cookie_a", password = "password-123" });

        var cookies = response.Message.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies, Has.Exactly(1).StartsWith("ss-tok=").And.Exactly(1).StartsWith("ss-reftok="));
        Assert.That(cookies, Is.All.Contains("httponly").IgnoreCase.And.All.Contains("max-age=").IgnoreCase);
        Assert.That(cookies, Is.All.Not.Contains("expires=").IgnoreCase, "ServiceStack's Node client splits Set-Cookie on commas");
        Assert.That(response.Header("X-Cookies"), Is.EqualTo("ss-tok,ss-reftok"));
        Assert.That(response.Body["bearerToken"], Is.Null);
        Assert.That(response.Body["refreshToken"], Is.Null);
    }

    [Test]
    public async Task The_ss_tok_cookie_authenticates_and_ss_reftok_refreshes()
    {
        var (http, _) = await CookieClientAsync("cookie_b");

        Assert.That((int)(await http.GetAsync("/user/me")).StatusCode, Is.EqualTo(200));

        using var refresh = await http.PostAsync("/access-token", Api.Json(new { }));
        Assert.That((int)refresh.StatusCode, Is.EqualTo(200), await refresh.Content.ReadAsStringAsync());
        Assert.That(refresh.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith("ss-reftok="), "a rotated refresh token comes back as a cookie");
        Assert.That((int)(await http.GetAsync("/user/me")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Logout_clears_the_cookies_and_revokes_them()
    {
        var (http, cookies) = await CookieClientAsync("cookie_c");
        var before = cookies.GetCookies(http.BaseAddress!)["ss-reftok"]!.Value;

        using var logout = await http.PostAsync("/auth/logout", null);
        Assert.That((int)logout.StatusCode, Is.EqualTo(200));
        Assert.That(cookies.GetCookies(http.BaseAddress!)["ss-tok"], Is.Null);

        var replay = await factory.CreateApi().PostAsync("/access-token", new { refreshToken = before });
        Assert.That(replay.Status, Is.EqualTo(401));
    }

    private async Task<Api> SignedInAsync(string name)
    {
        var api = factory.CreateApi();
        await api.RegisterAsync(name);
        return api;
    }

    /// <summary>A client that keeps cookies like a browser, signed in through /auth/credentials.</summary>
    private async Task<(HttpClient Http, System.Net.CookieContainer Cookies)> CookieClientAsync(string name)
    {
        await SignedInAsync(name);
        var cookies = new System.Net.CookieContainer();
        var http = factory.CreateDefaultClient(new CookieHandler(cookies));
        using var signIn = await http.PostAsync("/auth/credentials", Api.Json(new { userName = name, password = "password-123" }));
        Assert.That((int)signIn.StatusCode, Is.EqualTo(200));
        return (http, cookies);
    }

    /// <summary>The test server's client keeps no cookies by itself.</summary>
    private sealed class CookieHandler(System.Net.CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
                request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                    cookies.SetCookies(request.RequestUri!, value);
            }
            return response;
        }
    }
}
