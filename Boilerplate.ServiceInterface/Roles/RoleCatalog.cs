using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Roles;

/// <summary>
/// The roles and the permissions each grants, as this host holds them: the whole table (roles
/// are few), replaced whenever a role changes, here at once and on other hosts through the change
/// stream (<c>RevocationSync</c>). A user's permissions are worked out when their row is read into
/// <see cref="UserCache"/>, so a replaced mapping forgets every cached user.
/// </summary>
public sealed class RoleCatalog(UserCache users)
{
    private volatile Dictionary<string, IReadOnlyList<string>> roles = new(StringComparer.Ordinal);

    /// <summary>Every role but Admin, by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Roles => roles;

    /// <summary>Admin, and every role of the table.</summary>
    public bool Exists(string role) => role == RoleNames.Admin || roles.ContainsKey(role);

    public void Replace(IEnumerable<RoleRecord> rows)
    {
        roles = rows.ToDictionary(r => r.Name, r => GrantNames.Parse(r.Permissions), StringComparer.Ordinal);
        // After the swap: a user read from now on is worked out with the new mapping, and one read
        // before is refused by the cache (its generation moved).
        users.EvictAll();
    }

    /// <summary>The user's roles, Admin first for an admin.</summary>
    public static IReadOnlyList<string> RolesOf(UserRecord user)
    {
        var granted = GrantNames.Parse(user.Roles);
        return user.Admin ? [RoleNames.Admin, .. granted] : granted;
    }

    /// <summary>Every permission the user holds now: all of them for an admin, else their own and their roles'.</summary>
    public IReadOnlyList<string> PermissionsOf(UserRecord user)
    {
        if (user.Admin)
            return PermissionNames.All;
        if (user.Permissions.Length == 0 && user.Roles.Length == 0)
            return [];
        var mapping = roles;
        var all = new HashSet<string>(GrantNames.Parse(user.Permissions), StringComparer.Ordinal);
        foreach (var role in GrantNames.Parse(user.Roles))
        {
            if (mapping.TryGetValue(role, out var permissions))
                all.UnionWith(permissions);
        }
        return PermissionNames.All.Where(all.Contains).ToList();
    }
}
