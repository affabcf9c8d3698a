using BitFaster.Caching.Lru;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>
/// A user as every authenticated request sees them: whether they still exist or are locked, their
/// roles and every permission those and their own grants give, which security stamp their tokens
/// must carry, and the User a GET shows.
/// </summary>
public sealed record CachedUser(string PublicId, bool Exists, bool Locked, int SecurityStamp, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions, User? Shown)
{
    public static CachedUser Of(UserRecord user, RoleCatalog roles)
    {
        var shown = UserMapping.ToDto(user, roles);
        return new(user.PublicId, Exists: true, user.Locked, user.SecurityStamp, shown.Roles, shown.Permissions, shown);
    }

    /// <summary>A public id no row has: a user is never made again with the id of one deleted, so this stays true.</summary>
    public static CachedUser Gone(string publicId) => new(publicId, Exists: false, Locked: false, SecurityStamp: int.MaxValue, [], [], Shown: null);
}

/// <summary>
/// The users this host has read for authenticated requests, by public id, each kept until a change
/// to its row evicts it: a write on this host at once, another host's through the change stream
/// (<c>RevocationSync</c>) within a second, and all of them whenever that stream was lost and is
/// back. What is kept is what every host would read from the table, never a token's word, so a
/// host started after a change knows it too. Bounded: past <see cref="Capacity"/> the least
/// recently used go. Decisions that need more of the row (passwords, codes, the lockout) read it.
/// <para>
/// While the change stream is down (<see cref="Suspend"/>) nothing kept is current: each user is
/// read again, and a kept one answers only if the database cannot be reached at all, when no
/// change can be written either (<see cref="UserStates"/>).
/// </para>
/// </summary>
public sealed class UserCache
{
    public const int Capacity = 50_000;

    private readonly ConcurrentLru<string, CachedUser> users = new(Capacity);
    private long generation;

    /// <summary>Read before the table is: <see cref="Keep"/> refuses a row that a change since may have outdated.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public int Count => users.Count;

    private volatile bool current = true;

    /// <summary>False from the loss of the change stream until it is back and everything kept is forgotten.</summary>
    public bool IsCurrent => current;

    public CachedUser? Find(string publicId) => users.TryGet(publicId, out var user) ? user : null;

    public void Keep(CachedUser user, long generationBefore)
    {
        if (Generation != generationBefore)
            return;
        users.AddOrUpdate(user.PublicId, user);
        // A change between the check above and the write would otherwise leave this entry behind.
        if (Generation != generationBefore)
            users.TryRemove(user.PublicId);
    }

    /// <summary>After a write of the user's row has committed, here or on another host.</summary>
    public void Evict(string publicId)
    {
        Interlocked.Increment(ref generation);
        users.TryRemove(publicId);
    }

    /// <summary>After the roles' permissions changed, here or on another host: everyone's permissions are worked out again.</summary>
    public void EvictAll()
    {
        Interlocked.Increment(ref generation);
        users.Clear();
    }

    /// <summary>The change stream is lost: changes made elsewhere may go unheard until it is back.</summary>
    public void Suspend() => current = false;

    /// <summary>When changes may have been missed: the change stream is back after it was down.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        users.Clear();
        current = true;
    }
}
