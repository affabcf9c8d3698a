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
/// The users this host has read for authenticated requests, by public id (a <see cref="FollowedCache{TKey,TValue}"/>).
/// What is kept is what every host would read from the table, never a token's word, so a host
/// started after a change knows it too. Decisions that need more of the row (passwords, codes,
/// the lockout) read it. <see cref="FollowedCache{TKey,TValue}.EvictAll"/> follows a change of the
/// roles' permissions: everyone's permissions are worked out again.
/// </summary>
public sealed class UserCache() : FollowedCache<string, CachedUser>(Capacity)
{
    public const int Capacity = 50_000;

    public void Keep(CachedUser user, long generationBefore) => Keep(user.PublicId, user, generationBefore);
}
