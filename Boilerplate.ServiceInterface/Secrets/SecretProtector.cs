using System.Security.Cryptography;
using System.Text;
using Boilerplate.ServiceInterface.Auth;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Secrets;

/// <summary>
/// Encrypts a secret the server must read back later: AES-GCM under a key derived (HKDF) from the
/// app's secret and the purpose, so a copy of the database alone yields nothing usable, and one
/// purpose's ciphertext cannot stand in for another's. Every host derives the same keys from the
/// same SECRET_KEY.
/// </summary>
public abstract class SecretProtector(IOptions<AuthSettings> options, string purpose)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(options.Value.SecretKey), 32,
        info: Encoding.UTF8.GetBytes(purpose));

    public string Protect(string secret) => Convert.ToBase64String(Protect(Encoding.UTF8.GetBytes(secret)));

    /// <exception cref="CryptographicException">Not sealed under this secret and purpose (the secret changed meanwhile).</exception>
    public string Unprotect(string protectedSecret) => Encoding.UTF8.GetString(Unprotect(Convert.FromBase64String(protectedSecret)));

    public byte[] Protect(byte[] plain)
    {
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        return sealedBytes;
    }

    /// <exception cref="CryptographicException">Not sealed under this secret and purpose, or not sealed at all.</exception>
    public byte[] Unprotect(byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceBytes + TagBytes)
            throw new CryptographicException("Too short to be sealed.");
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain);
        return plain;
    }
}

/// <summary>A mail's token while it waits in the outbox.</summary>
public sealed class MailTokenProtector(IOptions<AuthSettings> options) : SecretProtector(options, "mail outbox token");

/// <summary>A user's TOTP secret, which the server needs to check each code.</summary>
public sealed class TotpSecretProtector(IOptions<AuthSettings> options) : SecretProtector(options, "totp secret");

/// <summary>A signing key's private half (PKCS #8), which only the hosts may read.</summary>
public sealed class SigningKeyProtector(IOptions<AuthSettings> options) : SecretProtector(options, "signing key");
