using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>Verifies the caller's email address with the token from the mail's link.</summary>
[Tag(Tags.Auth)]
[Route("/auth/verify-email", "POST")]
[RateLimited(RateLimitBudgets.MailedLink)]
[ApiResponse(400, "The token is unknown, used or expired (errorCode InvalidToken).")]
public class VerifyEmail : IReturn<StatusResponse>, IPost
{
    [Secret]
    public string? Token { get; set; }
}

/// <summary>Sends a new verification link, if an unverified account has the address; the answer is the same either way.</summary>
[Tag(Tags.Auth)]
[Route("/auth/verify-email/resend", "POST")]
[RateLimited(RateLimitBudgets.Mail)]
[ApiResponse(202, "Accepted: a link is on its way if an unverified account has the address.")]
public class ResendVerificationEmail : IReturn<StatusResponse>, IPost
{
    public string? Email { get; set; }
}

/// <summary>Sends a password-reset link, if an account has the address; the answer is the same either way, and as quick.</summary>
[Tag(Tags.Auth)]
[Route("/auth/forgot-password", "POST")]
[RateLimited(RateLimitBudgets.Mail)]
[ApiResponse(202, "Accepted: a link is on its way if an account has the address.")]
public class ForgotPassword : IReturn<StatusResponse>, IPost
{
    public string? Email { get; set; }
}

/// <summary>
/// Sets a new password with the token from the reset mail: every other session ends, and a fresh
/// one comes back; for an account with a second factor, <c>mfa_required</c> and an mfa_token for
/// LoginMfa instead, so the mailbox alone opens no account.
/// </summary>
[Tag(Tags.Auth)]
[Route("/auth/reset-password", "POST")]
[RateLimited(RateLimitBudgets.MailedLink)]
[ApiResponse(400, "The token is unknown, used, expired or not the newest (errorCode InvalidToken), or the password is too weak.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class ResetPassword : IReturn<LoginResponse>, IPost, IHasUseTokenCookie
{
    [Secret]
    public string? Token { get; set; }

    [DataMember(Name = "new_password")]
    [Secret]
    public string? NewPassword { get; set; }
    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    public bool? UseTokenCookie { get; set; }
}

/// <summary>
/// Asks to move the caller's account to another address: a link goes to the new one and a notice
/// to the old one, and nothing changes until the link is followed.
/// </summary>
[Tag(Tags.User)]
[Route("/user/me/email", "PUT")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Mail)]
[ApiResponse(202, "Accepted: the confirmation link is on its way to the new address.")]
[ApiResponse(409, "Another account has that address.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class ChangeEmail : IReturn<StatusResponse>, IPut
{
    [DataMember(Name = "new_email")]
    public string? NewEmail { get; set; }

    [Secret]
    public string? Password { get; set; }

    /// <summary>A current code of the authenticator app, when two-factor sign-in is on.</summary>
    [Secret]
    public string? Code { get; set; }
}

/// <summary>Moves the account to its new address with the token from the confirmation mail; from then on only that address signs in.</summary>
[Tag(Tags.Auth)]
[Route("/auth/confirm-email-change", "POST")]
[RateLimited(RateLimitBudgets.MailedLink)]
[ApiResponse(400, "The token is unknown, used or expired (errorCode InvalidToken).")]
[ApiResponse(409, "Another account took the address meanwhile.")]
public class ConfirmEmailChange : IReturn<User>, IPost
{
    [Secret]
    public string? Token { get; set; }
}
