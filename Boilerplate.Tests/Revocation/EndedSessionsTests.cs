using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Revocation;
using Boilerplate.Tests.Support;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Boilerplate.Tests.Revocation;

/// <summary>What a host loads at start: the sessions whose access tokens it must still refuse, and no others.</summary>
[OnEachDatabase]
public class EndedSessionsTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Loading_remembers_the_sessions_ended_within_an_access_tokens_lifetime()
    {
        var now = DateTimeOffset.UtcNow;
        var settings = new AuthSettings();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var name = UniqueName();
        var userId = await db.InsertWithInt64IdentityAsync(new UserRecord
        {
            PublicId = Guid.NewGuid().ToString(), Email = $"{name}@example.com", Username = name, RegisteredOn = now.UtcDateTime,
        });
        var lately = await SessionAsync(db, userId, now, endedAgo: settings.AccessTokenLifetime - TimeSpan.FromMinutes(1));
        var longAgo = await SessionAsync(db, userId, now, endedAgo: settings.AccessTokenLifetime + settings.ClockSkew + TimeSpan.FromMinutes(1));
        var open = await SessionAsync(db, userId, now, endedAgo: null);

        var loaded = new EndedSessions(Options.Create(settings), new TestClock(now));
        await loaded.LoadAsync(db);

        Assert.That(loaded.IsEnded(lately), Is.True);
        Assert.That(loaded.IsEnded(longAgo), Is.False);
        Assert.That(loaded.IsEnded(open), Is.False);
    }

    private static async Task<string> SessionAsync(AppDb db, long userId, DateTimeOffset now, TimeSpan? endedAgo)
    {
        var id = Guid.NewGuid().ToString("N");
        await db.InsertAsync(new SessionRecord
        {
            Id = id,
            UserId = userId,
            CreatedOn = now.UtcDateTime.AddHours(-2),
            LastUsedOn = now.UtcDateTime.AddHours(-2),
            ExpiresOn = now.UtcDateTime.AddDays(30),
            EndedOn = now.UtcDateTime - endedAgo,
        });
        return id;
    }
}
