using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>
/// Changes the caller's password, confirmed with the current one (and a current code when
/// two-factor sign-in is on); every other session ends, a pending email change is cancelled, a
/// notice goes to the account's address, and a fresh session comes back.
/// </summary>
[Tag(Tags.User)]
[Route("/user/me/password", "PUT")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Confirmation)]
[ApiResponse(400, "The current password or the code does not match, or the new password is too weak.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class ChangePassword : IReturn<TokenResponse>, IPut, IHasUseTokenCookie
{
    [DataMember(Name = "current_password")]
    [Secret]
    public string? CurrentPassword { get; set; }

    [DataMember(Name = "new_password")]
    [Secret]
    public string? NewPassword { get; set; }

    /// <summary>A current code of the authenticator app, when two-factor sign-in is on.</summary>
    [Secret]
    public string? Code { get; set; }

    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    public bool? UseTokenCookie { get; set; }
}

/// <summary>Deletes the caller's own account, confirmed with the password (in the body) and a current code when two-factor sign-in is on.</summary>
/// <remarks>ServiceStack's clients send a DELETE's fields in the URL, so they send this one with POST to /api/DeleteCurrentUser.</remarks>
[Tag(Tags.User)]
[Route("/user/me", "DELETE")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Confirmation)]
[ApiResponse(400, "The password or the code does not match.")]
[ApiResponse(409, "The caller is the last admin.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class DeleteCurrentUser : IReturnVoid, IDelete
{
    [Secret]
    public string? Password { get; set; }

    /// <summary>A current code of the authenticator app, when two-factor sign-in is on.</summary>
    [Secret]
    public string? Code { get; set; }
}
