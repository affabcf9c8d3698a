using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Boilerplate.ServiceInterface.Secrets;

/// <summary>
/// The one-time secrets the service hands out (refresh tokens, mailed links, mfa_tokens, passkey
/// ceremonies): 256 random bits, URL-safe, and kept only as a SHA-256 hash, so a copy of the
/// database signs no one in.
/// </summary>
public static class SecretTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
