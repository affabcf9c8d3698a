using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Users;

/// <summary>The cache behind GET /user/me and GET /user/{public_id}: short-lived, evicted by writes, bounded.</summary>
public class UserCacheTests
{
    private readonly TestClock clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private static User Shown(int id) => new() { PublicId = $"user-{id}", Email = $"u{id}@example.com" };

    [Test]
    public void A_user_kept_is_found_until_its_lifetime_is_over()
    {
        var cache = new UserCache(clock);
        cache.Keep(1, Shown(1), cache.Evictions);

        clock.Now += UserCache.Lifetime - TimeSpan.FromMilliseconds(1);
        Assert.That(cache.Find("user-1")?.Email, Is.EqualTo("u1@example.com"));
        clock.Now += TimeSpan.FromMilliseconds(1);
        Assert.That(cache.Find("user-1"), Is.Null);
    }

    [Test]
    public void An_eviction_removes_the_user_by_internal_id()
    {
        var cache = new UserCache(clock);
        cache.Keep(1, Shown(1), cache.Evictions);
        cache.Keep(2, Shown(2), cache.Evictions);

        cache.Evict(1);

        Assert.That(cache.Find("user-1"), Is.Null);
        Assert.That(cache.Find("user-2"), Is.Not.Null);
    }

    [Test]
    public void A_row_read_before_an_eviction_is_not_kept()
    {
        var cache = new UserCache(clock);
        var before = cache.Evictions;

        // The write lands while the read is on its way: what the read got may be the old row.
        cache.Evict(1);
        cache.Keep(1, Shown(1), before);

        Assert.That(cache.Find("user-1"), Is.Null);
    }

    [Test]
    public void At_capacity_expired_users_go_first_and_the_cache_never_grows_past_it()
    {
        var cache = new UserCache(clock);
        for (var i = 0; i < UserCache.Capacity; i++)
            cache.Keep(i, Shown(i), cache.Evictions);
        clock.Now += UserCache.Lifetime;
        cache.Keep(-1, Shown(-1), cache.Evictions);
        Assert.That(cache.Find("user-0"), Is.Null, "expired");
        Assert.That(cache.Find("user--1"), Is.Not.Null);

        for (var i = 0; i < 2 * UserCache.Capacity; i++)
            cache.Keep(i, Shown(i), cache.Evictions);
        var held = Enumerable.Range(0, 2 * UserCache.Capacity).Count(i => cache.Find($"user-{i}") is not null);
        Assert.That(held, Is.InRange(1, UserCache.Capacity));
    }
}
