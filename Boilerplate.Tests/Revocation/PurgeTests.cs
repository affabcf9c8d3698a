using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Passkeys;
using Boilerplate.ServiceInterface.Sessions;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.Tests.Support;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.Revocation;

/// <summary>The maintenance purge deletes what can never be used again, and nothing that still can.</summary>
[OnEachDatabase]
public class PurgeTests(DatabaseKind kind)
{
    [Test]
    public async Task Ended_sessions_go_once_their_access_tokens_are_dead_and_expired_ones_with_their_refresh_tokens()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var factory = new ApiFactory(clock: clock, kind: kind);
        var api = factory.CreateApi();
        var ended = await api.RegisterAsync("purged");
        var live = await api.LoginAsync("purged@example.com", "password-123");
        Assert.That((await api.PostAsync("/auth/logout", token: ended)).Status, Is.EqualTo(200));
        await api.PostAsync("/auth/forgot-password", new { email = "purged@example.com" });
        // A mail's link is made when the sender takes the mail, which must be before the clock moves.
        await UntilMailSentAsync(factory, 2);

        clock.Now += TimeSpan.FromMinutes(10);
        var early = await PurgeAsync(factory);
        clock.Now += TimeSpan.FromMinutes(10);
        var afterAccessTokens = await PurgeAsync(factory);
        clock.Now += TimeSpan.FromDays(15);
        var afterRefreshTokens = await PurgeAsync(factory);

        Assert.That(early, Is.EquivalentTo(new[] { Sid(ended), Sid(live) }), "an ended session's access tokens may still be out there");
        Assert.That(afterAccessTokens, Is.EqualTo(new[] { Sid(live) }));
        Assert.That(afterRefreshTokens, Is.Empty, "the live session expired with its refresh token");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        Assert.That(await db.RefreshTokens.CountAsync(), Is.Zero);
        Assert.That(await db.EmailTokens.CountAsync(), Is.Zero, "the mailed links expired too");
    }

    [Test]
    public async Task Passkey_ceremonies_go_once_expired_spent_or_not_and_live_ones_stay()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var factory = new ApiFactory(clock: clock, kind: kind);
        var api = factory.CreateApi();
        var token = await api.RegisterAsync("ceremonious");
        await api.PostAsync("/user/me/passkeys/options", new { }, token);
        var spent = await api.PostAsync("/auth/passkey/options");
        await api.PostAsync("/auth/passkey", new { ceremony_id = spent.String("ceremony_id"), credential = "{}" });

        clock.Now += PasskeyCeremonies.Lifetime + TimeSpan.FromSeconds(1);
        var late = await api.PostAsync("/auth/passkey/options");
        await PurgeAsync(factory);

        using var scope = factory.Services.CreateScope();
        var left = await scope.ServiceProvider.GetRequiredService<AppDb>().PasskeyCeremonies.Select(c => c.Id).ToListAsync();
        Assert.That(late.Status, Is.EqualTo(200));
        Assert.That(left, Has.Count.EqualTo(1), "only the ceremony begun after the others expired");
    }

    private static string Sid(string token) => new JsonWebToken(token).GetClaim("sid").Value;

    private static async Task UntilMailSentAsync(ApiFactory factory, int count)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        for (var attempt = 0; attempt < 200 && await db.Mail.CountAsync(m => m.SentOn != null) < count; attempt++)
            await Task.Delay(50);
        Assert.That(await db.Mail.CountAsync(m => m.SentOn != null), Is.EqualTo(count), "the mails were sent");
    }

    /// <summary>Runs the purge as the maintenance timer does, and answers the session ids left.</summary>
    private static async Task<List<string>> PurgeAsync(ApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<SessionStore>().PurgeAsync();
        await services.GetRequiredService<EmailTokens>().PurgeExpiredAsync();
        await services.GetRequiredService<MfaChallenges>().PurgeExpiredAsync();
        await services.GetRequiredService<PasskeyCeremonies>().PurgeExpiredAsync();
        return await services.GetRequiredService<AppDb>().Sessions.Select(s => s.Id).ToListAsync();
    }
}
