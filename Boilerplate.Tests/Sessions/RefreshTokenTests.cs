using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Secrets;
using Boilerplate.Tests.Support;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Sessions;

/// <summary>Refresh tokens: single use, rotated on every refresh, and a reused one ends the session.</summary>
[OnEachDatabase]
public class RefreshTokenTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Login_returns_a_256_bit_refresh_token_valid_for_14_days()
    {
        var login = await Login(await Registered());

        Assert.That(Base64UrlBytes(login.String("refreshToken")), Is.GreaterThanOrEqualTo(32));
        var expiry = DateTime.Parse(login.String("refreshTokenExpiry"), null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.That(expiry, Is.EqualTo(DateTime.UtcNow.AddDays(14)).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task Only_a_hash_of_the_refresh_token_is_stored()
    {
        var refreshToken = (await Login(await Registered())).String("refreshToken");

        using var scope = Factory.Services.CreateScope();
        var hashes = await scope.ServiceProvider.GetRequiredService<AppDb>().RefreshTokens.Select(t => t.TokenHash).ToListAsync();

        Assert.That(hashes, Does.Not.Contain(refreshToken));
        Assert.That(hashes, Does.Contain(SecretTokens.Hash(refreshToken)));
    }

    [Test]
    public async Task A_refresh_returns_a_working_access_token_and_a_new_refresh_token()
    {
        var refreshToken = (await Login(await Registered())).String("refreshToken");

        var refreshed = await Refresh(refreshToken);

        Assert.That(refreshed.Status, Is.EqualTo(200), refreshed.Text);
        Assert.That(refreshed.String("refreshToken"), Is.Not.EqualTo(refreshToken));
        Assert.That((await Api.GetAsync("/user/me", refreshed.String("accessToken"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Presenting_a_used_refresh_token_again_ends_the_whole_session()
    {
        var first = (await Login(await Registered())).String("refreshToken");
        var second = (await Refresh(first)).String("refreshToken");

        var reuse = await Refresh(first);
        var afterTheft = await Refresh(second);

        Assert.That(reuse.Status, Is.EqualTo(401));
        Assert.That(reuse.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("TokenException"));
        Assert.That(reuse.String("message"), Does.Contain("already used"));
        Assert.That(afterTheft.Status, Is.EqualTo(401), "the thief's and the owner's tokens die together");
    }

    [Test]
    public async Task Concurrent_refreshes_with_one_token_let_at_most_one_through_and_end_the_session()
    {
        var refreshToken = (await Login(await Registered())).String("refreshToken");

        var attempts = await Concurrently.RunAsync(20, _ => Refresh(refreshToken));

        Assert.That(attempts.Count(a => a.Status == 200), Is.LessThanOrEqualTo(1));
        Assert.That(attempts.Select(a => a.Status), Is.All.AnyOf(200, 401));
        foreach (var winner in attempts.Where(a => a.Status == 200))
            Assert.That((await Refresh(winner.String("refreshToken"))).Status, Is.EqualTo(401));
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var family = await db.RefreshTokens.Where(t => t.TokenHash == SecretTokens.Hash(refreshToken)).Select(t => t.FamilyId).SingleAsync();
        Assert.That(await db.RefreshTokens.AnyAsync(t => t.FamilyId == family && t.RevokedOn != null), Is.True, "the session ended in the database");
    }

    [Test]
    public async Task Logging_out_ends_the_sessions_refresh_token_too()
    {
        var login = await Login(await Registered());

        await Api.PostAsync("/auth/logout", token: login.String("Authorization"));

        Assert.That((await Refresh(login.String("refreshToken"))).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task Logging_out_one_session_leaves_the_users_other_sessions()
    {
        var name = await Registered();
        var phone = await Login(name);
        var laptop = await Login(name);

        await Api.PostAsync("/auth/logout", token: phone.String("Authorization"));

        Assert.That((await Refresh(laptop.String("refreshToken"))).Status, Is.EqualTo(200));
    }

    [TestCase("no-such-token")]
    [TestCase("eyJhbGciOiJIUzI1NiJ9.e30.c2ln")]
    public async Task An_unknown_refresh_token_is_401(string refreshToken)
    {
        var response = await Refresh(refreshToken);

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.String("message"), Is.EqualTo("Invalid refresh token. Please log in again."));
    }

    [Test]
    public async Task A_missing_refresh_token_is_400()
    {
        var response = await Api.PostAsync("/access-token", new { });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("refreshToken"));
    }

    [Test]
    public async Task The_stale_bearer_token_servicestacks_client_sends_along_is_ignored()
    {
        var login = await Login(await Registered());
        await Api.PostAsync("/auth/logout", token: (await Login(await Registered())).String("Authorization"));

        var response = await Api.SendAsync(HttpMethod.Post, "/api/GetAccessToken",
            Api.Json(new { refreshToken = login.String("refreshToken") }), authorization: "Bearer expired.or.revoked");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [TestCase("/access-token")]
    [TestCase("/api/GetAccessToken")]
    [TestCase("/json/reply/GetAccessToken")]
    public async Task Refreshing_works_at_every_route_of_GetAccessToken(string path)
    {
        var login = await Login(await Registered());
        var response = await Api.PostAsync(path, new { refreshToken = login.String("refreshToken") });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    private async Task<string> Registered()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name);
        return name;
    }

    private Task<ApiResponse> Login(string name) =>
        Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" });

    private Task<ApiResponse> Refresh(string refreshToken) =>
        Api.PostAsync("/access-token", new { refreshToken });

    private static int Base64UrlBytes(string token) =>
        Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4)).Length;
}

/// <summary>Expiry needs a clock the test can move: refresh tokens die after their lifetime.</summary>
[OnEachDatabase]
public class RefreshTokenExpiryTests(DatabaseKind kind)
{
    [Test]
    public async Task A_refresh_token_past_its_14_days_is_401()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var factory = new ApiFactory(clock: clock, kind: kind);
        var api = factory.CreateApi();
        await api.RegisterAsync("expiring");
        var refreshToken = (await api.PostAsync("/auth/login", new { email = "expiring@example.com", password = "password-123" })).String("refreshToken");

        clock.Now += TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1);
        var response = await api.PostAsync("/access-token", new { refreshToken });

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.String("message"), Is.EqualTo("Invalid refresh token. Please log in again."));
    }

    [Test]
    public async Task Without_rotation_one_refresh_token_renews_again_and_again()
    {
        using var factory = new ApiFactory(kind: kind) { Settings = { ["Auth:RotateRefreshTokens"] = "false" } };
        var api = factory.CreateApi();
        await api.RegisterAsync("steady");
        var refreshToken = (await api.PostAsync("/auth/login", new { email = "steady@example.com", password = "password-123" })).String("refreshToken");

        for (var i = 0; i < 3; i++)
        {
            var response = await api.PostAsync("/access-token", new { refreshToken });
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response.String("refreshToken"), Is.EqualTo(refreshToken));
            Assert.That((await api.GetAsync("/user/me", response.String("accessToken"))).Status, Is.EqualTo(200));
        }
    }
}
