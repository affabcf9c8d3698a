using Fido2NetLib;

namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>
/// Whom the passkeys are made for: the front end's host is the relying party id, and its origin is
/// the only one a browser's answer may come from. A passkey is bound to that host for good, which
/// is why it comes from App:PublicUrl and never, in production, from a request.
/// </summary>
public sealed record RelyingParty(string Id, string Origin, string Name)
{
    /// <exception cref="PasskeyHostException">The address is an IP address.</exception>
    public static RelyingParty For(string frontEndUrl, string name)
    {
        var uri = new Uri(frontEndUrl);
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            throw new PasskeyHostException();
        return new RelyingParty(uri.IdnHost, uri.GetLeftPart(UriPartial.Authority), name);
    }

    /// <summary>Fido2 for this relying party; no metadata service, as no attestation is asked for.</summary>
    internal Fido2 Verifier() => new(new Fido2Configuration
    {
        RPID = Id,
        RPName = Name,
        Origins = new HashSet<string> { Origin },
        Timeout = (uint)PasskeyCeremonies.Lifetime.TotalMilliseconds,
        // 256 bits, as every other one-time secret here; the library's default is 128.
        ChallengeSize = 32,
    }, metadataService: null);
}
