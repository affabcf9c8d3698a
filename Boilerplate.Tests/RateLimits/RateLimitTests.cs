using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.RateLimits;

/// <summary>Sign-in, registration, refresh and the email links are limited per client; the rest of the API is not.</summary>
/// <remarks>On SQLite the one host counts in memory; on PostgreSQL the counts are in the database every host shares.</remarks>
[OnEachDatabase]
public class RateLimitTests(DatabaseKind kind)
{
    private ApiFactory factory = null!;
    private Api api = null!;

    [SetUp]
    public void Start()
    {
        factory = new ApiFactory(kind: kind) { Settings = { ["RateLimits:PermitLimit"] = "3", ["RateLimits:Window"] = "00:01:00" } };
        api = factory.CreateApi();
    }

    [TearDown]
    public void Stop() => factory?.Dispose();

    [Test]
    public async Task Past_the_limit_sign_in_is_429_with_retry_after_and_a_response_status()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await api.PostAsync("/auth/login", new { email = "x@example.com", password = "wrong-password" })).Status);
        var refused = await api.PostAsync("/auth/login", new { email = "x@example.com", password = "wrong-password" });

        Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 429 }));
        Assert.That(refused.Status, Is.EqualTo(429));
        Assert.That(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 60));
        Assert.That(refused.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("TooManyRequests"));
        Assert.That(refused.String("status"), Is.EqualTo("fail"));
    }

    [Test]
    public async Task The_limit_holds_whichever_route_the_operation_is_called_by()
    {
        foreach (var path in new[] { "/auth/login", "/api/Login", "/json/reply/login" })
            await api.PostAsync(path, new { email = "x@example.com", password = "wrong-password" });

        Assert.That((await api.PostAsync("/api/login.json", new { email = "x@example.com", password = "wrong-password" })).Status, Is.EqualTo(429));
    }

    [Test]
    public async Task Each_limited_operation_has_its_own_budget()
    {
        for (var i = 0; i < 3; i++)
            await api.PostAsync("/auth/login", new { email = "x@example.com", password = "wrong-password" });

        var registered = await api.PostAsync("/user", new { email = "fresh@example.com", username = "fresh", password = "password-123" });
        Assert.That(registered.Status, Is.EqualTo(201));
    }

    [TestCase("/user", "POST")]
    [TestCase("/access-token", "POST")]
    [TestCase("/auth/credentials", "POST")]
    [TestCase("/auth/verify-email", "POST")]
    [TestCase("/auth/verify-email/resend", "POST")]
    [TestCase("/auth/forgot-password", "POST")]
    [TestCase("/auth/reset-password", "POST")]
    [TestCase("/auth/confirm-email-change", "POST")]
    [TestCase("/user/me/email", "PUT")]
    public async Task Registration_refresh_servicestack_sign_in_and_the_email_links_are_limited_too(string path, string verb)
    {
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await api.SendAsync(new HttpMethod(verb), path, Api.Json(new { }))).Status);

        Assert.That(statuses[3], Is.EqualTo(429));
    }

    [Test]
    public async Task Operations_that_are_not_limited_are_not_counted()
    {
        var token = await api.RegisterAsync("reader");
        for (var i = 0; i < 10; i++)
            Assert.That((await api.GetAsync("/user/me", token)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task X_forwarded_for_is_ignored_unless_the_proxy_is_trusted()
    {
        for (var i = 0; i < 3; i++)
            await api.SendAsync(HttpMethod.Post, "/auth/login", Api.Json(new { email = "x@example.com", password = "w" }), forwardedFor: $"203.0.113.{i}");

        var spoofed = await api.SendAsync(HttpMethod.Post, "/auth/login", Api.Json(new { email = "x@example.com", password = "w" }), forwardedFor: "203.0.113.99");
        Assert.That(spoofed.Status, Is.EqualTo(429), "a client cannot reset its budget by claiming another address");
    }
}
