using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// Encrypts a mail's token while it waits in the outbox: AES-GCM under a key derived (HKDF) from
/// the app's secret, so a copy of the database alone yields no usable link. Every host derives
/// the same key from the same SECRET_KEY.
/// </summary>
public sealed class MailTokenProtector(IOptions<AuthSettings> options)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(options.Value.SecretKey), 32,
        info: Encoding.UTF8.GetBytes("mail outbox token"));

    public string Protect(string token)
    {
        var plain = Encoding.UTF8.GetBytes(token);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <exception cref="CryptographicException">Not sealed under this secret (it changed meanwhile).</exception>
    public string Unprotect(string protectedToken)
    {
        var sealedBytes = Convert.FromBase64String(protectedToken);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
