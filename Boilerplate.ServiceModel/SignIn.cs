using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>Exchanges an email and password for a bearer token, or, when the account has a second factor, for an mfa_token to send with the code to LoginMfa.</summary>
[Tag(Tags.Auth)]
[Route("/auth/login", "POST")]
[RateLimited(RateLimitBudgets.SignIn)]
[ApiResponse(401, "The email or password does not match, or the account is locked.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class Login : IReturn<LoginResponse>, IPost, IHasUseTokenCookie
{
    public string? Email { get; set; }
    [Secret]
    public string? Password { get; set; }
    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    public bool? UseTokenCookie { get; set; }
}

/// <summary>
/// ServiceStack's sign-in: provider <c>credentials</c> (or <c>login</c>) with a userName that may be
/// the email or the username. With neither provider nor userName it describes the current session.
/// </summary>
[Tag(Tags.Auth)]
[Route("/auth", "GET,POST")]
[Route("/auth/{provider}", "POST")]
[RateLimited(RateLimitBudgets.SignIn)]
[OptionalAuthentication]
[ApiResponse(401, "The credentials do not match, the account is locked, or (with no provider) no one is signed in.")]
[ApiResponse(404, "No such auth provider: use 'credentials'.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class Authenticate : IReturn<AuthenticateResponse>, IPost, IHasUseTokenCookie
{
    [ApiMember(Verb = "POST")]
    public string? Provider { get; set; }
    [ApiMember(Verb = "POST")]
    public string? UserName { get; set; }
    [ApiMember(Verb = "POST")]
    [Secret]
    public string? Password { get; set; }
    [ApiMember(Verb = "POST")]
    public bool? RememberMe { get; set; }
    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    [ApiMember(Verb = "POST")]
    public bool? UseTokenCookie { get; set; }
}

/// <summary>ServiceStack's AuthenticateResponse; with <c>useTokenCookie</c> the tokens travel as cookies instead.</summary>
public class AuthenticateResponse
{
    /// <summary>The user's public_id.</summary>
    public string UserId { get; set; } = "";
    /// <summary>The session (refresh-token family) id, the tokens' <c>sid</c>.</summary>
    public string SessionId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? BearerToken { get; set; }
    public string? RefreshToken { get; set; }
    public DateTime? RefreshTokenExpiry { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<string> Permissions { get; set; } = [];
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>Completes a sign-in that answered mfa_required: the mfa_token with a code from the authenticator app, or with a recovery code.</summary>
[Tag(Tags.Auth)]
[Route("/auth/login/mfa", "POST")]
[RateLimited(RateLimitBudgets.SignIn)]
[ApiResponse(401, "The code does not match (it counts toward the lockout), or the mfa_token is spent or expired.")]
public class LoginMfa : IReturn<TokenResponse>, IPost, IHasUseTokenCookie
{
    [DataMember(Name = "mfa_token")]
    [Secret]
    public string? MfaToken { get; set; }

    [Secret]
    public string? Code { get; set; }

    [DataMember(Name = "recovery_code")]
    [Secret]
    public string? RecoveryCode { get; set; }
    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    public bool? UseTokenCookie { get; set; }
}
