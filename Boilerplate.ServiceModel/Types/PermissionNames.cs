namespace Boilerplate.ServiceModel.Types;

/// <summary>
/// The permissions the service knows. Roles map to some of them (<c>PUT /roles/{name}</c>), users
/// hold them through roles or directly (<c>AssignRoles</c>), and the Admin role holds them all.
/// </summary>
public static class PermissionNames
{
    /// <summary>The user list and search, and any user's record and sessions.</summary>
    public const string UsersRead = "users.read";
    /// <summary>Lock, unlock, end a user's sessions, reset a user's second factor, see and cancel a user's API keys.</summary>
    public const string UsersManage = "users.manage";
    public const string UsersDelete = "users.delete";
    /// <summary>Roles, grants and the admin flag: whoever holds it can grant anything, so give it as you would Admin.</summary>
    public const string RolesManage = "roles.manage";
    /// <summary>The stored audit trail (<c>GET /audit</c>).</summary>
    public const string AuditRead = "audit.read";

    public static IReadOnlyList<string> All { get; } = [UsersRead, UsersManage, UsersDelete, RolesManage, AuditRead];
}
