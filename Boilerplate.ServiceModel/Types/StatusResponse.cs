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
    [DataMember(Order = 2)]
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>A successful sign-in: the bearer token travels under the seed's <c>Authorization</c> key.</summary>
public class TokenResponse : StatusResponse
{
    [DataMember(Name = "Authorization", Order = 1)]
    public string Authorization { get; set; } = "";
}
