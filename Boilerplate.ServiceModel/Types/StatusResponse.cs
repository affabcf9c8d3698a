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
/// and the refresh token that renews it through <c>GetAccessToken</c>.
/// </summary>
public class TokenResponse : StatusResponse
{
    [DataMember(Name = "Authorization", Order = 1)]
    public string Authorization { get; set; } = "";

    [DataMember(Order = 2)]
    public string RefreshToken { get; set; } = "";

    [DataMember(Order = 3)]
    public DateTime RefreshTokenExpiry { get; set; }
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
