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
/// A successful sign-in: the short-lived bearer token under the seed's <c>Authorization</c> key,
/// and the refresh token that renews it through <c>GetAccessToken</c>. In cookie mode
/// (Auth:UseTokenCookies) they are HttpOnly cookies instead, and absent here.
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
/// A sign-in with the password: its tokens, as a <see cref="TokenResponse"/>'s; or, for an
/// account with a second factor, <c>status</c> "mfa_required" and the <c>mfa_token</c> that
/// LoginMfa takes with the code, and no tokens.
/// </summary>
public class LoginResponse : StatusResponse
{
    public const string MfaRequired = "mfa_required";

    [DataMember(Name = "Authorization", Order = 1)]
    public string? Authorization { get; set; }

    [DataMember(Order = 2)]
    public string? RefreshToken { get; set; }

    [DataMember(Order = 3)]
    public DateTime? RefreshTokenExpiry { get; set; }

    [DataMember(Name = "mfa_token", Order = 4)]
    public string? MfaToken { get; set; }
}

/// <summary>
/// A registration: signed in at once, with the tokens of a <see cref="TokenResponse"/>, or, when
/// the address must be verified first (Auth:RequireVerifiedEmail), without them.
/// </summary>
public class RegistrationResponse : StatusResponse
{
    [DataMember(Name = "Authorization", Order = 1)]
    public string? Authorization { get; set; }

    [DataMember(Order = 2)]
    public string? RefreshToken { get; set; }

    [DataMember(Order = 3)]
    public DateTime? RefreshTokenExpiry { get; set; }
}
