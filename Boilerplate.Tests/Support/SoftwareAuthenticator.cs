using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Boilerplate.Tests.Support;

/// <summary>
/// A passkey authenticator and the browser around it, in software: it answers the server's
/// options as navigator.credentials and @simplewebauthn/browser would, with ES256 (ECDSA P-256)
/// keys, "none" attestation and discoverable credentials. Tests set <see cref="Origin"/>, or
/// replay an old counter, to play a phishing page or a copied key.
/// </summary>
public sealed class SoftwareAuthenticator(string origin)
{
    private const byte UserPresent = 0x01, UserVerified = 0x04, BackupEligible = 0x08, BackedUp = 0x10, AttestedData = 0x40;

    /// <summary>The page the browser says the call came from.</summary>
    public string Origin { get; set; } = origin;

    /// <summary>False for an authenticator that only sees someone touch it (a security key without a PIN): no UV flag.</summary>
    public bool VerifiesUser { get; set; } = true;

    public List<Credential> Credentials { get; } = [];

    /// <summary>A discoverable credential: its key, whose account it is, and its signature counter.</summary>
    public sealed class Credential(byte[] id, ECDsa key, string rpId, byte[] userHandle)
    {
        public byte[] Id { get; } = id;
        public ECDsa Key { get; } = key;
        public string RpId { get; } = rpId;
        public byte[] UserHandle { get; } = userHandle;
        /// <summary>The counter of the last signature; the next one signs with one more.</summary>
        public uint Counter { get; set; }
    }

    /// <summary>navigator.credentials.create: the RegistrationResponseJSON for the creation options, as JSON text.</summary>
    public string Create(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = options["rp"]!["id"]!.GetValue<string>();
        var credential = new Credential(RandomNumberGenerator.GetBytes(16), ECDsa.Create(ECCurve.NamedCurves.nistP256), rpId,
            Base64Url.DecodeFromChars(options["user"]!["id"]!.GetValue<string>()));
        Credentials.Add(credential);

        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var authData = AuthenticatorData(rpId, UserPresent | UserVerified | BackupEligible | BackedUp | AttestedData, 0, AttestedCredentialData(credential));
        return Json(new JsonObject
        {
            ["id"] = Base64Url.EncodeToString(credential.Id),
            ["rawId"] = Base64Url.EncodeToString(credential.Id),
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
                ["attestationObject"] = Base64Url.EncodeToString(AttestationObject(authData)),
                ["transports"] = new JsonArray("internal", "hybrid"),
            },
            ["clientExtensionResults"] = new JsonObject { ["credProps"] = new JsonObject { ["rk"] = true } },
            ["authenticatorAttachment"] = "platform",
        });
    }

    /// <summary>
    /// navigator.credentials.get with an empty allowCredentials: signs with <paramref name="credential"/>
    /// (the newest by default) and its counter one up, or with <paramref name="replayCounter"/> as a copy of the key would.
    /// </summary>
    public string Get(string optionsJson, Credential? credential = null, uint? replayCounter = null)
    {
        credential ??= Credentials[^1];
        var options = JsonNode.Parse(optionsJson)!;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        var counter = replayCounter ?? ++credential.Counter;
        var authData = AuthenticatorData(credential.RpId, UserPresent | (VerifiesUser ? UserVerified : 0) | BackupEligible | BackedUp, counter, []);
        // WebAuthn signs authenticatorData || SHA-256(clientDataJSON), the signature DER-encoded.
        var signature = credential.Key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Json(new JsonObject
        {
            ["id"] = Base64Url.EncodeToString(credential.Id),
            ["rawId"] = Base64Url.EncodeToString(credential.Id),
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
                ["authenticatorData"] = Base64Url.EncodeToString(authData),
                ["signature"] = Base64Url.EncodeToString(signature),
                ["userHandle"] = Base64Url.EncodeToString(credential.UserHandle),
            },
            ["clientExtensionResults"] = new JsonObject(),
            ["authenticatorAttachment"] = "platform",
        });
    }

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(Json(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = Origin, ["crossOrigin"] = false }));

    /// <summary>rpIdHash (32) | flags (1) | signCount (4, big-endian) | attested credential data, if any.</summary>
    private static byte[] AuthenticatorData(string rpId, int flags, uint counter, byte[] attested)
    {
        var counterBytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(counterBytes, counter);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), (byte)flags, .. counterBytes, .. attested];
    }

    /// <summary>aaguid (16, zeros: no model claimed) | credentialId length (2, big-endian) | credentialId | COSE public key.</summary>
    private static byte[] AttestedCredentialData(Credential credential)
    {
        var length = new byte[2];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)credential.Id.Length);
        return [.. new byte[16], .. length, .. credential.Id, .. CoseKey(credential.Key)];
    }

    /// <summary>An EC2 key as COSE (RFC 9053) writes it: kty 2, alg -7 (ES256), crv 1 (P-256), x, y; keys in CTAP2 canonical order.</summary>
    private static byte[] CoseKey(ECDsa key)
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(5);
        cbor.WriteInt32(1); cbor.WriteInt32(2);
        cbor.WriteInt32(3); cbor.WriteInt32(-7);
        cbor.WriteInt32(-1); cbor.WriteInt32(1);
        cbor.WriteInt32(-2); cbor.WriteByteString(point.X!);
        cbor.WriteInt32(-3); cbor.WriteByteString(point.Y!);
        cbor.WriteEndMap();
        return cbor.Encode();
    }

    private static byte[] AttestationObject(byte[] authData)
    {
        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(3);
        cbor.WriteTextString("fmt"); cbor.WriteTextString("none");
        cbor.WriteTextString("attStmt"); cbor.WriteStartMap(0); cbor.WriteEndMap();
        cbor.WriteTextString("authData"); cbor.WriteByteString(authData);
        cbor.WriteEndMap();
        return cbor.Encode();
    }

    private static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
