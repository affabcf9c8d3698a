using System.Buffers.Text;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Secrets;

namespace Boilerplate.ServiceInterface.ApiKeys;

/// <summary>
/// What an API key looks like: <see cref="Prefix"/> and 256 random bits, URL-safe. The fixed
/// prefix lets a secret scanner recognise a leaked key, and lets a request's credential be told
/// from a JWT at a glance. Kept only as its SHA-256 (<see cref="SecretTokens"/>).
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "ssbk_";

    /// <summary>The header a client may send a key in, instead of <c>Authorization: Bearer</c>.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The prefix and the first characters of the secret: enough to tell keys apart, nothing to guess with.</summary>
    private const int VisibleLength = 12;

    /// <summary>43 characters of base64url carry the 256 bits.</summary>
    private static readonly int Length = Prefix.Length + 43;

    public static string New() => Prefix + SecretTokens.New();

    public static string Visible(string key) => key[..VisibleLength];

    public static string Hash(string key) => SecretTokens.Hash(key);

    /// <summary>True for a credential in the shape of one of our keys; only such are looked up.</summary>
    public static bool IsShaped(string key) =>
        key.Length == Length && key.StartsWith(Prefix, StringComparison.Ordinal) && Base64Url.IsValid(key.AsSpan(Prefix.Length));

    /// <summary>
    /// The API key a request carries: the <see cref="Header"/>, else an Authorization header whose
    /// credential (after "Bearer", which the seed's clients may leave out) starts with
    /// <see cref="Prefix"/>; null when the request carries none, and its credential, if any, is a token.
    /// </summary>
    public static string? Sent(string? authorization, string? apiKeyHeader)
    {
        if (!string.IsNullOrEmpty(apiKeyHeader))
            return apiKeyHeader.Trim();
        var credential = BearerCredential.Of(authorization);
        return credential.StartsWith(Prefix, StringComparison.Ordinal) ? credential.ToString() : null;
    }
}
