using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Security;

/// <summary>
/// Where a session ends, on production's settings: no renewal racing a logout-all mints a token
/// that outlives it, no sign-in lasts past Auth:SessionMaxLifetime however often it is renewed, no
/// answer carrying a token or a secret may be kept by a cache, and a sign-in that asks for cookies
/// cannot be sent by another site's form.
/// </summary>
[NonParallelizable]
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Kinds))]
public class SessionLimitsTests(DatabaseKind kind)
{
    private const string Password = "password-123";
    private const int Sessions = 50;

    [Test]
    public async Task Fifty_renewals_racing_a_logout_all_mint_no_token_that_outlives_it()
    {
        using var database = TestDatabase.Create(kind);
        using var host = new ProductionHost(database);
        await host.RegisterAsync("racer");
        // Fifty sessions, signed in from fifty addresses (production's rate limit is per address), a
        // few at a time: more guesses at once than the lockout allows are not looked at, right or wrong.
        var sessions = new List<ApiResponse>();
        for (var i = 0; i < Sessions; i += 4)
            sessions.AddRange(await Concurrently.RunAsync(Math.Min(4, Sessions - i), j => host.Api.SendAsync(HttpMethod.Post, "/auth/login",
                Api.Json(new { email = "racer@example.com", password = Password }), forwardedFor: $"192.0.2.{i + j}")));
        Assert.That(sessions.Select(s => s.Status), Is.All.EqualTo(200));
        var everywhere = await host.Api.LoginAsync("racer@example.com", Password);

        var renewals = await Concurrently.RunAsync(Sessions + 1, i => i == Sessions
            ? host.Api.PostAsync("/auth/logout-all", token: everywhere)
            : host.Api.SendAsync(HttpMethod.Post, "/access-token", Api.Json(new { refreshToken = sessions[i].String("refreshToken") }), forwardedFor: $"192.0.2.{i}"));

        var minted = renewals.Take(Sessions).Where(r => r.Status == 200).ToList();
        TestContext.Out.WriteLine($"{minted.Count} of {Sessions} renewals minted tokens before or while everything ended");
        Assert.That(renewals[Sessions].Status, Is.EqualTo(200), "the logout-all");
        for (var i = 0; i < minted.Count; i++)
        {
            Assert.That((await host.Api.GetAsync("/user/me", minted[i].String("accessToken"))).Status, Is.EqualTo(401), "an access token outlived the logout-all");
            var again = await host.Api.SendAsync(HttpMethod.Post, "/access-token", Api.Json(new { refreshToken = minted[i].String("refreshToken") }), forwardedFor: $"198.18.0.{i}");
            Assert.That(again.Status, Is.EqualTo(401), "a refresh token outlived the logout-all: " + again.Text);
        }
        foreach (var session in sessions)
            Assert.That((await host.Api.GetAsync("/user/me", session.String("Authorization"))).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task A_sign_in_renewed_every_13_days_ends_after_30_days_however_often_it_is_renewed()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var database = TestDatabase.Create(kind);
        using var host = new ProductionHost(database, clock: clock);
        var refreshToken = (await host.Api.PostAsync("/user", new { email = "lasting@example.com", username = "lasting", password = Password })).String("refreshToken");
        var signedIn = clock.Now;

        var renewals = new List<ApiResponse>();
        foreach (var day in new[] { 13, 26, 31 })
        {
            clock.Now = signedIn.AddDays(day);
            var renewal = await host.Api.PostAsync("/access-token", new { refreshToken });
            renewals.Add(renewal);
            if (renewal.Status == 200)
                refreshToken = renewal.String("refreshToken");
        }

        Assert.That(renewals[0].Status, Is.EqualTo(200), renewals[0].Text);
        Assert.That(renewals[1].Status, Is.EqualTo(200), renewals[1].Text);
        Assert.That(DateTimeOffset.Parse(renewals[1].String("refreshTokenExpiry"), System.Globalization.CultureInfo.InvariantCulture),
            Is.LessThanOrEqualTo(signedIn.AddDays(30)), "its refresh token ends with the session, not 14 days on");
        Assert.That(renewals[2].Status, Is.EqualTo(401), "31 days after the sign-in");
    }

    [Test]
    public async Task Every_answer_that_carries_a_token_or_a_secret_is_no_store()
    {
        using var database = TestDatabase.Create(kind);
        using var host = new ProductionHost(database);
        var registered = await host.Api.PostAsync("/user", new { email = "nostore@example.com", username = "nostore", password = Password });
        var token = registered.String("Authorization");
        var answers = new Dictionary<string, ApiResponse>
        {
            ["registration"] = registered,
            ["login"] = await host.Api.PostAsync("/auth/login", new { email = "nostore@example.com", password = Password }),
            ["renewal"] = await host.Api.PostAsync("/access-token", new { refreshToken = registered.String("refreshToken") }),
            ["a second factor's secret"] = await host.Api.PostAsync("/user/me/mfa/totp", new { password = Password }, token),
            ["the user"] = await host.Api.GetAsync("/user/me", token),
            ["an error"] = await host.Api.PostAsync("/auth/login", new { email = "nostore@example.com", password = "wrong-password" }),
        };

        foreach (var (what, answer) in answers)
            Assert.That(answer.Message.Headers.CacheControl?.NoStore, Is.True, $"{what}: {answer.Header("Cache-Control")}");
    }

    [Test]
    public async Task A_sign_in_asking_for_cookies_that_another_sites_form_could_send_is_refused_before_anything_is_done()
    {
        using var database = TestDatabase.Create(kind);
        using var host = new ProductionHost(database);
        await host.RegisterAsync("csrf");
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "csrf@example.com", ["password"] = Password, ["useTokenCookie"] = "true" });

        var forged = await host.Api.SendAsync(HttpMethod.Post, "/auth/login", form);
        var signedIn = host.Audited("sign-in succeeded").Count;
        var scripted = await host.Api.PostAsync("/auth/login", new { email = "csrf@example.com", password = Password, useTokenCookie = true });

        Assert.That((forged.Status, forged.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "ForgeableCookieRequest")));
        Assert.That(forged.Message.Headers.Contains("Set-Cookie"), Is.False);
        Assert.That(signedIn, Is.Zero, "the forged one signed no one in");
        Assert.That(scripted.Message.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith("ss-tok="), "JSON from the page's own script");
    }
}
