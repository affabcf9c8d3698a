using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceModel;

/// <summary>Grants or removes admin rights (<c>roles.manage</c>); removing them ends the user's sessions at once.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/admin", "PUT")]
[RequiredPermission(PermissionNames.RolesManage)]
[ApiResponse(404, "User not found.")]
[ApiResponse(409, "Removing the last admin.")]
public class SetUserAdmin : IReturn<User>, IPut
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
    public bool? Admin { get; set; }
}

/// <summary>Locks an account (<c>users.manage</c>; an admin's, only an admin): its sessions end, and it can neither sign in nor refresh until unlocked.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/lock", "POST")]
[RequiredPermission(PermissionNames.UsersManage)]
[ApiResponse(404, "User not found.")]
[ApiResponse(409, "Locking the last admin.")]
public class LockUser : IReturn<User>, IPost
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}

/// <summary>Unlocks an account (<c>users.manage</c>; an admin's, only an admin): its owner can sign in again (the sessions ended by the lock stay ended).</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/unlock", "POST")]
[RequiredPermission(PermissionNames.UsersManage)]
[ApiResponse(404, "User not found.")]
public class UnlockUser : IReturn<User>, IPost
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}

/// <summary>Deletes an account and everything it holds (<c>users.delete</c>; an admin's, only an admin); its tokens stop working at once.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}", "DELETE")]
[RequiredPermission(PermissionNames.UsersDelete)]
[ApiResponse(404, "User not found.")]
[ApiResponse(409, "Deleting the last admin.")]
public class DeleteUser : IReturnVoid, IDelete
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}
