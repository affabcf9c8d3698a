using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Revocation;
using Boilerplate.Tests.Support;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Revocation;

/// <summary>The in-memory revocation list and its table stay in step, and both forget expired tokens.</summary>
[OnEachDatabase]
public class RevokedTokensTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Purging_forgets_expired_tokens_in_memory_and_in_the_table_and_keeps_live_ones()
    {
        var now = DateTimeOffset.UtcNow;
        var revoked = new RevokedTokens(new TestClock(now));
        var expired = Guid.NewGuid();
        var live = Guid.NewGuid();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await revoked.RevokeAsync(db, expired, now.AddMinutes(-1).UtcDateTime);
        await revoked.RevokeAsync(db, live, now.AddHours(1).UtcDateTime);

        await revoked.PurgeExpiredAsync(db);

        Assert.That(revoked.IsRevoked(expired), Is.False);
        Assert.That(revoked.IsRevoked(live), Is.True);
        var ids = await db.RevokedTokens.Select(r => r.Jti).ToListAsync();
        Assert.That(ids, Does.Contain(live.ToString("N")).And.Not.Contain(expired.ToString("N")));
    }

    [Test]
    public async Task Loading_skips_rows_that_have_expired()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = Guid.NewGuid();
        var live = Guid.NewGuid();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var writer = new RevokedTokens(new TestClock(now));
        await writer.RevokeAsync(db, expired, now.AddSeconds(-5).UtcDateTime);
        await writer.RevokeAsync(db, live, now.AddHours(1).UtcDateTime);

        var loaded = new RevokedTokens(new TestClock(now));
        await loaded.LoadAsync(db);

        Assert.That(loaded.IsRevoked(live), Is.True);
        Assert.That(loaded.IsRevoked(expired), Is.False);
    }
}
