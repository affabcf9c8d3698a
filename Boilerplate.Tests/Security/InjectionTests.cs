using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Security;

/// <summary>
/// SQL metacharacters, markup and control characters in every string a client sends: each is
/// stored and returned exactly (JSON-escaped) or refused by validation, never run, never a 5xx.
/// </summary>
[OnEachDatabase]
public class InjectionTests(DatabaseKind kind) : ApiFixture(kind)
{
    private static readonly string[] Payloads =
    [
        "'; DROP TABLE user;--", "'or'1'='1", "x'--", "\" OR \"1\"=\"1", "' OR 1=1--", "1; SELECT * FROM user", "%", "_", "\\", "')) OR 1=1--",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "javascript:alert(1)",
        "\u0000", "a\u0001b\u001f", "\u001b[31mred", "\u007f", "line\r\nbreak", "\u2028\u2029", "\u202eright-to-left",
    ];

    private string admin = null!;
    private string victim = null!;
    private string bystander = null!;

    [OneTimeSetUp]
    public async Task CreateAccounts()
    {
        admin = await Factory.CreateAdminAsync(UniqueName("admin"));
        victim = UniqueName("victim");
        await Api.RegisterAsync(victim);
        // Never a target: the victim may end up locked out by the wrong passwords sent its way.
        bystander = UniqueName("bystander");
        await Api.RegisterAsync(bystander);
    }

    private static IEnumerable<string> AllPayloads() => Payloads;

    [TestCaseSource(nameof(AllPayloads))]
    public async Task Registration_stores_the_payload_verbatim_or_refuses_it(string payload)
    {
        var name = UniqueName();
        var fields = new Dictionary<string, object>
        {
            ["email"] = new { email = $"{name}{payload}@example.com", username = name, password = "password-123" },
            ["username"] = new { email = $"{name}@example.com", username = name + payload, password = "password-123" },
            ["password"] = new { email = $"{name}@example.com", username = name, password = "password-123" + payload },
        };
        foreach (var (field, body) in fields)
        {
            var response = await Api.PostAsync("/user", body);
            AssertJsonAndNoMarkup(response, payload);
            Assert.That(response.Status, Is.AnyOf(201, 400, 409), $"{field}: {response.Text}");
            if (field == "password")
                Assert.That(response.Status, Is.EqualTo(201), "a password may hold any character");
            if (response.Status == 400)
                Assert.That(response.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo(field));
            if (response.Status != 201)
                continue;

            // Accepted: the stored value comes back exactly as sent, and a password still matches.
            var me = await Api.GetAsync("/user/me", response.String("Authorization"));
            var sent = (string)body.GetType().GetProperty(field)!.GetValue(body)!;
            if (field == "password")
                Assert.That((await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = sent })).Status, Is.EqualTo(200));
            else
                Assert.That(me.String(field), Is.EqualTo(field == "email" ? sent.ToLowerInvariant() : sent));
            AssertJsonAndNoMarkup(me, payload);
            await Api.SendAsync(HttpMethod.Delete, "/user/me", Api.Json(new { password = field == "password" ? sent : "password-123" }), response.String("Authorization"));
        }
    }

    [TestCaseSource(nameof(AllPayloads))]
    public async Task Sign_in_fields_never_match_someone_else(string payload)
    {
        var attempts = new[]
        {
            await Api.PostAsync("/auth/login", new { email = payload, password = "password-123" }),
            await Api.PostAsync("/auth/login", new { email = $"{victim}@example.com{payload}", password = "password-123" }),
            await Api.PostAsync("/auth/login", new { email = $"{victim}@example.com", password = payload }),
            await Api.PostAsync("/auth", new { provider = "credentials", userName = payload, password = "password-123" }),
            await Api.PostAsync("/auth", new { provider = payload, userName = victim, password = "password-123" }),
            await Api.PostAsync("/access-token", new { refreshToken = payload }),
        };
        foreach (var response in attempts)
        {
            AssertJsonAndNoMarkup(response, payload);
            Assert.That(response.Status, Is.AnyOf(400, 401, 404), response.Text);
        }
    }

    [TestCaseSource(nameof(AllPayloads))]
    public async Task Path_ids_and_query_values_are_refused_not_run(string payload)
    {
        // %00 in a path is refused by Kestrel (and by the in-process client) before the app sees it.
        var escaped = "x" + Uri.EscapeDataString(payload).Replace("%00", "", StringComparison.Ordinal);
        var responses = new[]
        {
            await Api.GetAsync($"/user/{escaped}", admin),
            await Api.PostAsync($"/user/{escaped}/lock", token: admin),
            await Api.SendAsync(HttpMethod.Put, $"/user/{escaped}/admin", Api.Json(new { admin = false }), admin),
            await Api.SendAsync(HttpMethod.Delete, $"/user/{escaped}", token: admin),
            await Api.GetAsync($"/user?page={escaped}&per_page={escaped}", admin),
            await Api.GetAsync($"/api/GetUser?public_id={Uri.EscapeDataString(payload)}", admin),
            await Api.GetAsync($"/no/such/{escaped}"),
        };
        foreach (var response in responses)
        {
            AssertJsonAndNoMarkup(response, payload);
            Assert.That(response.Status, Is.InRange(400, 499), response.Text);
        }
    }

    [Test]
    public async Task After_every_payload_the_tables_and_the_users_are_all_still_there()
    {
        foreach (var payload in Payloads)
            await Api.PostAsync("/auth/login", new { email = payload, password = payload });

        var users = await Api.GetAsync("/user?per_page=100", admin);
        Assert.That(users.Status, Is.EqualTo(200), users.Text);
        Assert.That(users.Body["total"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(3));
        Assert.That((await Api.PostAsync("/auth/login", new { email = $"{bystander}@example.com", password = "password-123" })).Status, Is.EqualTo(200));
    }

    [TestCase("/metadata")]
    [TestCase("/swagger-ui/")]
    [TestCase("/swagger-ui/index.html")]
    public async Task The_html_pages_never_echo_markup_from_the_request(string page)
    {
        // Accounts whose stored values carry markup, should a page ever list users.
        await Api.PostAsync("/user", new { email = $"\"<script>alert(1)</script>\"@example.com", username = UniqueName(), password = "password-123" });

        foreach (var payload in Payloads.Where(p => p.Contains('<', StringComparison.Ordinal)))
        {
            var escaped = Uri.EscapeDataString(payload);
            var response = await Api.GetAsync($"{page}?url={escaped}&configUrl={escaped}&{escaped}={escaped}");
            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(response.Text, Does.Not.Contain(payload).And.Not.Contain("alert(1)"), page);
        }
    }

    /// <summary>Answers are JSON that a browser will not sniff as HTML, with markup escaped.</summary>
    private static void AssertJsonAndNoMarkup(ApiResponse response, string payload)
    {
        Assert.That(response.Status, Is.LessThan(500), response.Text);
        if (response.Status == 204)
            return;
        Assert.That(response.Header("Content-Type"), Does.StartWith("application/json"), response.Text);
        Assert.That(response.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
        if (payload.Contains('<', StringComparison.Ordinal))
            Assert.That(response.Text, Does.Not.Contain("<"), "markup leaves JSON-escaped");
    }
}
