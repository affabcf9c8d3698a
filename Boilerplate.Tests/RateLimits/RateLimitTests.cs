using Boilerplate.ServiceModel.Types;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.RateLimits;

/// <summary>
/// Sign-in, registration, renewal, mail, the mailed links and signed-in confirmations each have a
/// budget per client; every way in to the same thing draws on the one budget; the rest of the API
/// is not counted. Here every budget is 3 a minute.
/// </summary>
/// <remarks>On SQLite the one host counts in memory; on PostgreSQL the counts are in the database every host shares.</remarks>
[OnEachDatabase]
public class RateLimitTests(DatabaseKind kind)
{
    private static readonly string[] Budgets =
    [
        RateLimitBudgets.SignIn, RateLimitBudgets.Registration, RateLimitBudgets.Renewal,
        RateLimitBudgets.Mail, RateLimitBudgets.MailedLink, RateLimitBudgets.Confirmation, "MailPerRecipient",
    ];

    private ApiFactory factory = null!;
    private Api api = null!;

    [SetUp]
    public void Start()
    {
        factory = new ApiFactory(kind: kind);
        foreach (var budget in Budgets)
            (factory.Settings[$"RateLimits:{budget}:PermitLimit"], factory.Settings[$"RateLimits:{budget}:Window"]) = ("3", "00:01:00");
        // The in-process server has no connection address, so the forwarded-headers step takes any request as this proxy's.
        factory.Settings["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1";
        api = factory.CreateApi();
    }

    [TearDown]
    public void Stop() => factory?.Dispose();

    [Test]
    public async Task Past_the_limit_sign_in_is_429_with_retry_after_and_a_response_status()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await SignInAsync("/auth/login")).Status);
        var refused = await SignInAsync("/auth/login");

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
            await SignInAsync(path);

        Assert.That((await SignInAsync("/api/login.json")).Status, Is.EqualTo(429));
    }

    [Test]
    public async Task Every_way_to_sign_in_draws_on_the_one_sign_in_budget()
    {
        await SignInAsync("/auth/login");
        await api.PostAsync("/auth/credentials", new { userName = "x@example.com", password = "wrong-password" });
        await api.PostAsync("/auth/passkey/options");

        Assert.That((await api.PostAsync("/auth/login/mfa", new { mfa_token = "t", code = "123456" })).Status, Is.EqualTo(429), "LoginMfa");
        Assert.That((await api.PostAsync("/auth/passkey", new { })).Status, Is.EqualTo(429), "PasskeySignIn");
    }

    [Test]
    public async Task Each_budget_is_its_own_so_spent_sign_ins_leave_registration_and_renewal_alone()
    {
        var refreshToken = (await api.PostAsync("/user", new { email = "fresh@example.com", username = "fresh", password = "password-123" })).String("refreshToken");
        for (var i = 0; i < 3; i++)
            await SignInAsync("/auth/login");

        Assert.That((await SignInAsync("/auth/login")).Status, Is.EqualTo(429));
        Assert.That((await api.PostAsync("/user", new { email = "second@example.com", username = "second", password = "password-123" })).Status, Is.EqualTo(201));
        Assert.That((await api.PostAsync("/access-token", new { refreshToken })).Status, Is.EqualTo(200));
    }

    [TestCase("/user", "POST", RateLimitBudgets.Registration)]
    [TestCase("/access-token", "POST", RateLimitBudgets.Renewal)]
    [TestCase("/auth", "POST", RateLimitBudgets.SignIn)]
    [TestCase("/auth/verify-email", "POST", RateLimitBudgets.MailedLink)]
    [TestCase("/auth/reset-password", "POST", RateLimitBudgets.MailedLink)]
    [TestCase("/auth/confirm-email-change", "POST", RateLimitBudgets.MailedLink)]
    [TestCase("/auth/verify-email/resend", "POST", RateLimitBudgets.Mail)]
    [TestCase("/auth/forgot-password", "POST", RateLimitBudgets.Mail)]
    [TestCase("/user/me/email", "PUT", RateLimitBudgets.Mail)]
    [TestCase("/user/me/password", "PUT", RateLimitBudgets.Confirmation)]
    [TestCase("/user/me/mfa/totp", "DELETE", RateLimitBudgets.Confirmation)]
    public async Task Each_limited_operation_is_refused_past_its_budget_and_the_openapi_document_names_it(string path, string verb, string budget)
    {
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await api.SendAsync(new HttpMethod(verb), path, Api.Json(new { }))).Status);

        Assert.That(statuses[..3], Has.None.EqualTo(429));
        Assert.That(statuses[3], Is.EqualTo(429));
        var documented = (await api.GetAsync("/openapi/v1.json")).Body["paths"]![path]![verb.ToLowerInvariant()]!["responses"]!["429"]!["description"]!.GetValue<string>();
        Assert.That(documented, Does.Contain($"the {budget} budget"));
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
        using var direct = new ApiFactory(kind: kind) { Settings = { ["RateLimits:SignIn:PermitLimit"] = "3" } };
        var client = direct.CreateApi();
        for (var i = 0; i < 3; i++)
            await client.SendAsync(HttpMethod.Post, "/auth/login", Api.Json(new { email = "x@example.com", password = "w" }), forwardedFor: $"203.0.113.{i}");

        var spoofed = await client.SendAsync(HttpMethod.Post, "/auth/login", Api.Json(new { email = "x@example.com", password = "w" }), forwardedFor: "203.0.113.99");
        Assert.That(spoofed.Status, Is.EqualTo(429), "a client cannot reset its budget by claiming another address");
    }

    [Test]
    public async Task An_ipv6_client_counts_by_its_64_block_not_by_each_address_in_it()
    {
        for (var i = 1; i <= 3; i++)
            Assert.That((await SignInAsync("/auth/login", $"2001:db8:1:2::{i:x}")).Status, Is.EqualTo(401));

        Assert.That((await SignInAsync("/auth/login", "2001:db8:1:2:ffff:ffff:ffff:ffff")).Status, Is.EqualTo(429), "the same /64");
        Assert.That((await SignInAsync("/auth/login", "2001:db8:1:3::1")).Status, Is.EqualTo(401), "the next /64 is another client");
        Assert.That((await SignInAsync("/auth/login", "198.51.100.7")).Status, Is.EqualTo(401), "IPv4 clients count by their address");
    }

    [Test]
    public async Task Mail_to_one_address_is_capped_whichever_clients_ask_known_account_or_not()
    {
        await api.RegisterAsync("known");
        foreach (var email in new[] { "known@example.com", "nobody@example.com" })
        {
            var statuses = new List<int>();
            for (var i = 0; i < 4; i++)
            {
                var path = i % 2 == 0 ? "/auth/forgot-password" : "/auth/verify-email/resend";
                statuses.Add((await api.SendAsync(HttpMethod.Post, path, Api.Json(new { email }), forwardedFor: $"198.51.100.{i}")).Status);
            }
            var refused = await api.SendAsync(HttpMethod.Post, "/auth/forgot-password", Api.Json(new { email }), forwardedFor: "198.51.100.99");

            Assert.That(statuses, Is.EqualTo(new[] { 202, 202, 202, 429 }), email);
            Assert.That(refused.Status, Is.EqualTo(429));
            Assert.That(refused.String("message"), Does.Match(@"^Too many mails were asked for this address: try again in \d+ seconds\.$"));
            Assert.That(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 60));
        }
        var other = await api.SendAsync(HttpMethod.Post, "/auth/forgot-password", Api.Json(new { email = "someone-else@example.com" }), forwardedFor: "198.51.100.50");
        Assert.That(other.Status, Is.EqualTo(202), "another address has its own cap");
    }

    [Test]
    public async Task A_change_of_address_counts_toward_the_new_address_cap()
    {
        var token = await api.RegisterAsync("mover");
        for (var i = 0; i < 3; i++)
            await api.SendAsync(HttpMethod.Post, "/auth/forgot-password", Api.Json(new { email = "target@example.com" }), forwardedFor: $"198.51.100.{i}");

        var change = await api.SendAsync(HttpMethod.Put, "/user/me/email", Api.Json(new { new_email = "target@example.com", password = "password-123" }), token, forwardedFor: "198.51.100.60");

        Assert.That(change.Status, Is.EqualTo(429));
        Assert.That(change.String("message"), Does.StartWith("Too many mails were asked for this address"));
    }

    private Task<ApiResponse> SignInAsync(string path, string? client = null) =>
        api.SendAsync(HttpMethod.Post, path, Api.Json(new { email = "x@example.com", password = "wrong-password" }), forwardedFor: client);
}
