using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceModel;

/// <summary>Every role with its permissions, Admin first, and every permission the service knows.</summary>
[Tag(Tags.Roles)]
[Route("/roles", "GET")]
[RequiredPermission(PermissionNames.RolesManage)]
public class GetRoles : IReturn<GetRolesResponse>, IGet;

public class GetRolesResponse
{
    public List<Role> Results { get; set; } = [];
    /// <summary>Every permission a role or a user can be given.</summary>
    public List<string> Permissions { get; set; } = [];
}

/// <summary>
/// Creates a role or replaces its permissions. Every holder's live tokens follow on every host
/// within a second: a permission removed refuses, one added allows, and no one is signed out.
/// </summary>
[Tag(Tags.Roles)]
[Route("/roles/{name}", "PUT")]
[RequiredPermission(PermissionNames.RolesManage)]
[ApiResponse(400, "A name that is not 1 to 50 letters, digits, '.', '_' or '-' starting with a letter; Admin, which is built in; or a permission the service does not know (the message lists them).")]
public class SaveRole : IReturn<Role>, IPut
{
    public string? Name { get; set; }
    public List<string>? Permissions { get; set; }
}

/// <summary>Deletes a role and takes it from everyone who holds it, on every host within a second.</summary>
[Tag(Tags.Roles)]
[Route("/roles/{name}", "DELETE")]
[RequiredPermission(PermissionNames.RolesManage)]
[ApiResponse(400, "Admin is built in.")]
[ApiResponse(404, "No role has that name.")]
public class DeleteRole : IReturnVoid, IDelete
{
    public string? Name { get; set; }
}

/// <summary>
/// Gives a user roles and permissions of their own (ServiceStack's AssignRoles): the user is
/// named by username or email. Their live tokens follow on every host within a second. Giving
/// Admin makes them an admin.
/// </summary>
[Tag(Tags.Roles)]
[Route("/assignroles", "POST")]
[RequiredPermission(PermissionNames.RolesManage)]
[ApiResponse(400, "No userName, or a role or permission the service does not know (the message lists them).")]
[ApiResponse(404, "User not found.")]
public class AssignRoles : IReturn<AssignRolesResponse>, IPost
{
    public string? UserName { get; set; }
    public List<string>? Permissions { get; set; }
    public List<string>? Roles { get; set; }
}

/// <summary>
/// Takes roles and permissions of their own from a user (ServiceStack's UnAssignRoles); a permission
/// they hold through a role goes with the role. Their live tokens are refused what they lost on
/// every host within a second; taking Admin ends their sessions, as a demotion does.
/// </summary>
[Tag(Tags.Roles)]
[Route("/unassignroles", "POST")]
[RequiredPermission(PermissionNames.RolesManage)]
[ApiResponse(400, "No userName.")]
[ApiResponse(404, "User not found.")]
[ApiResponse(409, "Taking Admin from the last admin.")]
public class UnAssignRoles : IReturn<UnAssignRolesResponse>, IPost
{
    public string? UserName { get; set; }
    public List<string>? Permissions { get; set; }
    public List<string>? Roles { get; set; }
}

/// <summary>The user's roles and every permission they now hold, through roles or their own.</summary>
public class AssignRolesResponse
{
    public List<string> AllRoles { get; set; } = [];
    public List<string> AllPermissions { get; set; } = [];
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>The user's roles and every permission they still hold, through roles or their own.</summary>
public class UnAssignRolesResponse
{
    public List<string> AllRoles { get; set; } = [];
    public List<string> AllPermissions { get; set; } = [];
    public ResponseStatus? ResponseStatus { get; set; }
}
