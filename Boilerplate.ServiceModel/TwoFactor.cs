using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>Starts setting up an authenticator app: a new secret, pending until a code from it is confirmed.</summary>
[Tag(Tags.User)]
[Route("/user/me/mfa/totp", "POST")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Confirmation)]
[ApiResponse(400, "The password does not match.")]
[ApiResponse(409, "Two-factor sign-in is on already: remove it first.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class EnrollTotp : IReturn<TotpEnrollmentResponse>, IPost
{
    [Secret]
    public string? Password { get; set; }
}

/// <summary>Turns two-factor sign-in on with a code from the app just set up; answers the recovery codes, once, ends every other session, and sends a notice to the account's address.</summary>
[Tag(Tags.User)]
[Route("/user/me/mfa/totp/confirm", "POST")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Confirmation)]
[ApiResponse(400, "The code does not match, or no set-up was started.")]
[ApiResponse(409, "Two-factor sign-in is on already.")]
public class ConfirmTotp : IReturn<RecoveryCodesResponse>, IPost
{
    [Secret]
    public string? Code { get; set; }
}

/// <summary>Turns two-factor sign-in off; it takes the password and a current code, and a notice goes to the account's address.</summary>
/// <remarks>ServiceStack's clients send a DELETE's fields in the URL, so they send this one with POST to /api/DisableTotp.</remarks>
[Tag(Tags.User)]
[Route("/user/me/mfa/totp", "DELETE")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Confirmation)]
[ApiResponse(400, "The password or the code does not match.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class DisableTotp : IReturnVoid, IDelete
{
    [Secret]
    public string? Password { get; set; }

    [Secret]
    public string? Code { get; set; }
}

/// <summary>Ten new recovery codes for the password and a current code; the old ones stop working, and a notice goes to the account's address.</summary>
[Tag(Tags.User)]
[Route("/user/me/mfa/recovery-codes", "POST")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Confirmation)]
[ApiResponse(400, "The password or the code does not match, or two-factor sign-in is off.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class RegenerateRecoveryCodes : IReturn<RecoveryCodesResponse>, IPost
{
    [Secret]
    public string? Password { get; set; }

    [Secret]
    public string? Code { get; set; }
}

/// <summary>Turns a user's two-factor sign-in off (<c>users.manage</c>): for someone who lost their device. An admin's, only for an admin. Audited.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/mfa", "DELETE")]
[RequiredPermission(PermissionNames.UsersManage)]
[ApiResponse(404, "User not found.")]
public class ResetUserMfa : IReturnVoid, IDelete
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}
