using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>Changes the caller's password; every other session ends, and a fresh session comes back.</summary>
[Tag(Tags.User)]
[Route("/user/me/password", "PUT")]
[ValidateIsAuthenticated]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class ChangePassword : IReturn<TokenResponse>, IPut, IHasUseTokenCookie
{
    [DataMember(Name = "current_password")]
    [Secret]
    public string? CurrentPassword { get; set; }

    [DataMember(Name = "new_password")]
    [Secret]
    public string? NewPassword { get; set; }
    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    public bool? UseTokenCookie { get; set; }
}

/// <summary>Deletes the caller's own account; the password must be sent (in the body) to confirm.</summary>
/// <remarks>ServiceStack's clients send a DELETE's fields in the URL, so they send this one with POST to /api/DeleteCurrentUser.</remarks>
[Tag(Tags.User)]
[Route("/user/me", "DELETE")]
[ValidateIsAuthenticated]
[ApiResponse(409, "The caller is the last admin.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class DeleteCurrentUser : IReturnVoid, IDelete
{
    [Secret]
    public string? Password { get; set; }
}
