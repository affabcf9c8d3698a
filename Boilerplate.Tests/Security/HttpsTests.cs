using Boilerplate.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boilerplate.Tests.Security;

/// <summary>Production insists on HTTPS (HSTS, a redirect, Secure cookies); development and tests do not.</summary>
public class HttpsTests
{
    [Test]
    public async Task Production_redirects_plain_http_to_https()
    {
        using var factory = Production();

        var response = await Client(factory, "http").GetAsync("/user/me");

        Assert.That((int)response.StatusCode, Is.EqualTo(307));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("https://api.example.com/user/me"));
    }

    [Test]
    public async Task Production_sets_its_token_cookies_secure_httponly_and_samesite_lax()
    {
        using var host = new ProductionHost();

        var signIn = await host.Api.PostAsync("/user", new { email = "jar@example.com", username = "jar", password = "password-123", useTokenCookie = true });

        var cookies = signIn.Message.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies, Has.Count.EqualTo(2));
        Assert.That(cookies, Is.All.Contains("; secure").IgnoreCase.And.All.Contains("; httponly").IgnoreCase.And.All.Contains("; samesite=lax").IgnoreCase);
    }

    [Test]
    public async Task Production_answers_health_probes_on_plain_http()
    {
        using var factory = Production();

        var response = await Client(factory, "http").GetAsync("/health/live");

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Production_behind_a_proxy_that_sends_no_scheme_can_turn_the_redirect_off()
    {
        using var factory = Production();
        factory.Settings["Https:Redirect"] = "false";

        var response = await Client(factory, "http").GetAsync("/user/me");

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task Production_answers_https_with_hsts_for_a_year_and_subdomains()
    {
        using var factory = Production();

        var response = await Client(factory, "https").GetAsync("/user/me");

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), Is.EqualTo("max-age=31536000; includeSubDomains"));
    }

    [TestCase("Development")]
    [TestCase("Test")]
    public async Task Development_and_tests_neither_redirect_nor_send_hsts(string environment)
    {
        using var factory = new ApiFactory(environment);

        var plain = await Client(factory, "http").GetAsync("/user/me");
        var secure = await Client(factory, "https").GetAsync("/user/me");

        Assert.That((int)plain.StatusCode, Is.EqualTo(401));
        Assert.That(secure.Headers.Contains("Strict-Transport-Security"), Is.False);
    }

    private static ApiFactory Production() => new("Production")
    {
        Settings =
        {
            ["Auth:SecretKey"] = "a-long-random-production-secret-9f8e7d6c5b4a",
            ["Database:MigrateOnStart"] = "true",
        },
    };

    // HSTS is never sent to localhost, so the client calls the host by a real-looking name.
    private static HttpClient Client(ApiFactory factory, string scheme) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"{scheme}://api.example.com") });
}
