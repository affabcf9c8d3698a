using System.Text.Json;
using Fido2NetLib;

namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>
/// Reads what <c>startRegistration</c> and <c>startAuthentication</c> resolved to. Anything that is
/// not their shape is the client's mistake, answered before any ceremony is spent.
/// </summary>
internal static class PasskeyJson
{
    public static AuthenticatorAttestationRawResponse Attestation(string? json)
    {
        var parsed = Parse<AuthenticatorAttestationRawResponse>(json);
        return parsed is { RawId.Length: > 0, Response: { ClientDataJson.Length: > 0, AttestationObject.Length: > 0 } } ? parsed : throw Malformed();
    }

    public static AuthenticatorAssertionRawResponse Assertion(string? json)
    {
        var parsed = Parse<AuthenticatorAssertionRawResponse>(json);
        return parsed is { RawId.Length: > 0, Response: { ClientDataJson.Length: > 0, AuthenticatorData.Length: > 0, Signature.Length: > 0 } }
            ? parsed
            : throw Malformed();
    }

    private static T? Parse<T>(string? json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json ?? "");
        }
        // The library's converters say "not base64url" or "not a transport" in their own ways.
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw Malformed();
        }
    }

    private static InvalidPasskeyException Malformed() => new("InvalidCredential", "credential", PasskeyMessages.Malformed);
}
