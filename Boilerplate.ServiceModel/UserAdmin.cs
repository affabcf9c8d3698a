using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceModel;

/// <summary>Grants or removes admin rights; removing them takes effect on the user's tokens at once.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/admin", "PUT")]
[ValidateIsAdmin]
[ApiResponse(404, "User not found.")]
[ApiResponse(409, "Removing the last admin.")]
public class SetUserAdmin : IReturn<User>, IPut
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
    public bool? Admin { get; set; }
}

/// <summary>Locks an account: its sessions end, and it can neither sign in nor refresh until unlocked.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/lock", "POST")]
[ValidateIsAdmin]
[ApiResponse(404, "User not found.")]
[ApiResponse(409, "Locking the last admin.")]
public class LockUser : IReturn<User>, IPost
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}

/// <summary>Unlocks an account: its owner can sign in again (the sessions ended by the lock stay ended).</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/unlock", "POST")]
[ValidateIsAdmin]
[ApiResponse(404, "User not found.")]
public class UnlockUser : IReturn<User>, IPost
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}

/// <summary>Deletes an account and everything it holds; its tokens stop working at once.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}", "DELETE")]
[ValidateIsAdmin]
[ApiResponse(404, "User not found.")]
[ApiResponse(409, "Deleting the last admin.")]
public class DeleteUser : IReturnVoid, IDelete
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}
