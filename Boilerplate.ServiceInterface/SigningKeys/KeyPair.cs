using System.Security.Cryptography;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Secrets;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.ServiceInterface.SigningKeys;

/// <summary>One key pair as a host holds it: its public key to verify with, its private key unsealed on first signing.</summary>
public sealed class KeyPair
{
    private readonly Lazy<SigningCredentials> credentials;

    private KeyPair(SigningKeyRecord row, SecurityKey verifyingKey, Lazy<SigningCredentials> credentials)
    {
        Row = row;
        VerifyingKey = verifyingKey;
        this.credentials = credentials;
    }

    public SigningKeyRecord Row { get; }
    public string Kid => Row.Kid;
    public string Algorithm => Row.Algorithm;
    public SecurityKey VerifyingKey { get; }
    public JsonWebKey PublicJwk => new(Row.PublicJwk);
    public SigningCredentials Credentials => credentials.Value;

    public static KeyPair Of(SigningKeyRecord row, SigningKeyProtector protector)
    {
        if (!JsonWebKeyConverter.TryConvertToSecurityKey(new JsonWebKey(row.PublicJwk), out var verifying))
            throw new InvalidOperationException($"Signing key {row.Kid}: its public JWK could not be read.");
        verifying.KeyId = row.Kid;
        return new KeyPair(row, verifying, new Lazy<SigningCredentials>(() => Unseal(row, protector)));
    }

    private static SigningCredentials Unseal(SigningKeyRecord row, SigningKeyProtector protector)
    {
        var pkcs8 = Convert.FromBase64String(protector.Unprotect(row.SealedPrivateKey));
        SecurityKey key;
        string algorithm;
        if (row.Algorithm == SigningAlgorithms.Es256)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            (key, algorithm) = (new ECDsaSecurityKey(ecdsa), SecurityAlgorithms.EcdsaSha256);
        }
        else
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            (key, algorithm) = (new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256);
        }
        CryptographicOperations.ZeroMemory(pkcs8);
        key.KeyId = row.Kid;
        return new SigningCredentials(key, algorithm);
    }
}
