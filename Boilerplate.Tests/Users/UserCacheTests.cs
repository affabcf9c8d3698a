using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.Tests.Users;

/// <summary>The users a host has read: kept until a change evicts them, never a read that raced a change, bounded.</summary>
public class UserCacheTests
{
    private static CachedUser User(int id, bool admin = false) =>
        new($"user-{id}", Exists: true, Locked: false, SecurityStamp: 0, admin ? ["Admin"] : [], [], new User { PublicId = $"user-{id}", Email = $"u{id}@example.com" });

    [Test]
    public void A_user_kept_is_found_until_a_change_evicts_them()
    {
        var cache = new UserCache();
        cache.Keep(User(1), cache.Generation);
        cache.Keep(User(2), cache.Generation);

        Assert.That(cache.Find("user-1")?.Shown?.Email, Is.EqualTo("u1@example.com"));
        cache.Evict("user-1");

        Assert.That(cache.Find("user-1"), Is.Null);
        Assert.That(cache.Find("user-2"), Is.Not.Null);
    }

    [Test]
    public void A_row_read_before_a_change_is_not_kept()
    {
        var cache = new UserCache();
        var before = cache.Generation;

        // The write lands while the read is on its way: what the read got may be the old row.
        cache.Evict("user-1");
        cache.Keep(User(1, admin: true), before);

        Assert.That(cache.Find("user-1"), Is.Null);
    }

    [Test]
    public void Clearing_forgets_every_user_and_refuses_reads_begun_before()
    {
        var cache = new UserCache();
        cache.Keep(User(1), cache.Generation);
        var before = cache.Generation;

        cache.Clear();
        cache.Keep(User(2), before);

        Assert.That(cache.Find("user-1"), Is.Null);
        Assert.That(cache.Find("user-2"), Is.Null);
    }

    [Test]
    public void Past_capacity_the_least_recently_used_go_and_the_cache_never_grows_past_it()
    {
        var cache = new UserCache();
        for (var i = 0; i < UserCache.Capacity; i++)
            cache.Keep(User(i), cache.Generation);
        // Read often: it stays while the others are pushed out.
        for (var i = UserCache.Capacity; i < 2 * UserCache.Capacity; i++)
        {
            cache.Find("user-0");
            cache.Keep(User(i), cache.Generation);
        }

        Assert.That(cache.Count, Is.LessThanOrEqualTo(UserCache.Capacity));
        Assert.That(cache.Find("user-0"), Is.Not.Null, "in use");
        Assert.That(cache.Find("user-1"), Is.Null, "the least recently used went");
        Assert.That(cache.Find($"user-{2 * UserCache.Capacity - 1}"), Is.Not.Null, "the newest stays");
    }
}
