using System.Runtime.Serialization;

namespace Boilerplate.ServiceModel.Types;

/// <summary>A new authenticator secret: type the base32 key, or scan a QR code of the otpauth URI.</summary>
public class TotpEnrollmentResponse
{
    [DataMember(Name = "secret")]
    public string Secret { get; set; } = "";

    [DataMember(Name = "otpauth_uri")]
    public string OtpauthUri { get; set; } = "";

    /// <summary>The otpauth URI as a QR code: a PNG in a data: URI, ready for an img element.</summary>
    [DataMember(Name = "qr_code")]
    public string QrCode { get; set; } = "";
}

/// <summary>Recovery codes, shown this once: each signs in once in place of a code.</summary>
public class RecoveryCodesResponse
{
    [DataMember(Name = "recovery_codes")]
    public List<string> RecoveryCodes { get; set; } = [];
}
