using System.Runtime.Serialization;

namespace Boilerplate.ServiceModel.Types;

/// <summary>One of a user's passkeys, as the account page lists it. The key itself never leaves the server.</summary>
public class Passkey
{
    /// <summary>The passkey's own id for rename and removal; not the WebAuthn credential id.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    [DataMember(Name = "created_on")]
    public DateTime CreatedOn { get; set; }
    /// <summary>When it last signed in; absent until it has.</summary>
    [DataMember(Name = "last_used_on")]
    public DateTime? LastUsedOn { get; set; }
    /// <summary>How the browser said it reaches the authenticator: internal, hybrid, usb, nfc, ble, smart-card.</summary>
    public List<string>? Transports { get; set; }
}

public class GetPasskeysResponse
{
    public List<Passkey> Data { get; set; } = [];
}

/// <summary>
/// The first half of a passkey ceremony: the options for the browser's
/// <c>navigator.credentials</c> call, and the id the second half is sent back with.
/// </summary>
public class PasskeyOptionsResponse
{
    /// <summary>Good once, for five minutes, on any host.</summary>
    [DataMember(Name = "ceremony_id")]
    public string CeremonyId { get; set; } = "";

    /// <summary>
    /// The WebAuthn options as JSON text (PublicKeyCredentialCreationOptionsJSON or
    /// PublicKeyCredentialRequestOptionsJSON): parse it and hand it to <c>startRegistration</c> or
    /// <c>startAuthentication</c> of @simplewebauthn/browser as <c>optionsJSON</c>.
    /// </summary>
    public string Options { get; set; } = "";
}
