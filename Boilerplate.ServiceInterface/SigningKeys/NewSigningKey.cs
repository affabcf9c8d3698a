using System.Security.Cryptography;
using System.Text.Json;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Secrets;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.ServiceInterface.SigningKeys;

/// <summary>
/// A fresh key pair as its table row: a P-256 (ES256) or 2048-bit RSA (RS256) key, named by its
/// RFC 7638 thumbprint, the public half as a JWK and the private half sealed under the app's secret.
/// </summary>
public static class NewSigningKey
{
    public static SigningKeyRecord Create(string algorithm, SigningKeyProtector protector, DateTime createdOn, DateTime activatesOn)
    {
        var (jwk, pkcs8) = algorithm switch
        {
            SigningAlgorithms.Es256 => EllipticCurve(),
            SigningAlgorithms.Rs256 => Rsa(),
            _ => throw new ArgumentException($"{algorithm} is not signed with a key pair.", nameof(algorithm)),
        };
        jwk.Kid = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
        jwk.Alg = algorithm;
        jwk.Use = JsonWebKeyUseNames.Sig;
        return new SigningKeyRecord
        {
            Kid = jwk.Kid,
            Algorithm = algorithm,
            PublicJwk = PublicJson(jwk),
            SealedPrivateKey = protector.Protect(Convert.ToBase64String(pkcs8)),
            CreatedOn = createdOn,
            ActivatesOn = activatesOn,
        };
    }

    private static (JsonWebKey Jwk, byte[] Pkcs8) EllipticCurve()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var jwk = new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            Crv = JsonWebKeyECTypes.P256,
            X = Base64UrlEncoder.Encode(point.X),
            Y = Base64UrlEncoder.Encode(point.Y),
        };
        return (jwk, key.ExportPkcs8PrivateKey());
    }

    private static (JsonWebKey Jwk, byte[] Pkcs8) Rsa()
    {
        using var key = RSA.Create(2048);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.RSA,
            N = Base64UrlEncoder.Encode(parameters.Modulus),
            E = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        return (jwk, key.ExportPkcs8PrivateKey());
    }

    /// <summary>Only the public members, written out by hand: a JWK serializer would also write a private one if it were set.</summary>
    private static string PublicJson(JsonWebKey jwk)
    {
        var members = new Dictionary<string, string> { ["kty"] = jwk.Kty, ["use"] = jwk.Use, ["alg"] = jwk.Alg, ["kid"] = jwk.Kid };
        if (jwk.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve)
            (members["crv"], members["x"], members["y"]) = (jwk.Crv, jwk.X, jwk.Y);
        else
            (members["n"], members["e"]) = (jwk.N, jwk.E);
        return JsonSerializer.Serialize(members);
    }
}
