using System.Runtime.Serialization;
using ServiceStack;

namespace Boilerplate.ServiceModel.Types;

/// <summary>The seed's envelope: <c>status</c> is "success" or "fail". Every error body has this shape.</summary>
public class StatusResponse
{
    public const string Success = "success";
    public const string Fail = "fail";

    public string Status { get; set; } = Success;
    public string Message { get; set; } = "";
    [DataMember(Order = 4)]
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>
/// A sign-in or a registration: the short-lived bearer token under the seed's
/// <c>Authorization</c> key, and the refresh token that renews it through <c>GetAccessToken</c>.
/// Absent when the request asked for cookies (<c>useTokenCookie</c>), where they are HttpOnly cookies, and for a
/// registration whose address must be verified first (Auth:RequireVerifiedEmail).
/// </summary>
public class TokenResponse : StatusResponse
{
    [DataMember(Name = "Authorization", Order = 1)]
    public string? Authorization { get; set; }

    [DataMember(Order = 2)]
    public string? RefreshToken { get; set; }

    [DataMember(Order = 3)]
    public DateTime? RefreshTokenExpiry { get; set; }
}

/// <summary>
/// A sign-in with the password: a <see cref="TokenResponse"/>; or, for an account with a second
/// factor, <c>status</c> "mfa_required" and the <c>mfa_token</c> that LoginMfa takes with the
/// code, and no tokens.
/// </summary>
public class LoginResponse : TokenResponse
{
    public const string MfaRequired = "mfa_required";

    [DataMember(Name = "mfa_token", Order = 4)]
    public string? MfaToken { get; set; }
}
