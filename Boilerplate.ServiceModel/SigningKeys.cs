using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceModel;

/// <summary>
/// The public keys that verify this service's live access tokens (RFC 7517), for other services:
/// the signing key, a rotated one waiting to sign, and replaced ones while their tokens may be
/// live; a revoked key leaves at once. Empty under HS256. Anonymous, and cacheable for 5 minutes.
/// </summary>
[Tag(Tags.Keys)]
[Route("/.well-known/jwks.json", "GET")]
public class GetJsonWebKeySet : IReturn<JsonWebKeySet>, IGet;

public class JsonWebKeySet
{
    public List<JsonWebKey> Keys { get; set; } = [];
}

/// <summary>What a resource server reads to verify tokens (OpenID Connect Discovery's metadata): who issues them and where the keys are.</summary>
[Tag(Tags.Keys)]
[Route("/.well-known/openid-configuration", "GET")]
public class GetOpenIdConfiguration : IReturn<OpenIdConfiguration>, IGet;

public class OpenIdConfiguration
{
    /// <summary>The tokens' <c>iss</c>: <c>App:PublicUrl</c>.</summary>
    [DataMember(Name = "issuer")]
    public string Issuer { get; set; } = "";
    [DataMember(Name = "jwks_uri")]
    public string JwksUri { get; set; } = "";
}

/// <summary>Every signing key, revoked and expired ones included, newest first, with what each does now. Never a private key.</summary>
[Tag(Tags.Keys)]
[Route("/signing-keys", "GET")]
[RequiredRole(RoleNames.Admin)]
public class GetSigningKeys : IReturn<GetSigningKeysResponse>, IGet;

public class GetSigningKeysResponse
{
    public List<SigningKey> Results { get; set; } = [];
}

/// <summary>
/// Makes a new signing key, published at once. It signs after <c>Auth:SigningKeyActivationDelay</c>
/// (10 minutes by default, so resource servers' cached key sets learn it first), or at once with
/// <c>activateNow</c>. No one is signed out: the keys before it verify until their tokens expire.
/// </summary>
[Tag(Tags.Keys)]
[Route("/signing-keys/rotate", "POST")]
[RequiredRole(RoleNames.Admin)]
[ApiResponse(409, "Tokens are signed under HS256: there are no keys to rotate.")]
public class RotateSigningKey : IReturn<SigningKey>, IPost
{
    public bool? ActivateNow { get; set; }
}

/// <summary>
/// Revokes a key: every host refuses its tokens within a second and it leaves the JWKS at once; if
/// it was signing, a fresh key takes over, so sign-ins go on. Its users renew with their refresh tokens.
/// </summary>
[Tag(Tags.Keys)]
[Route("/signing-keys/{kid}", "DELETE")]
[RequiredRole(RoleNames.Admin)]
[ApiResponse(404, "No signing key has that kid.")]
public class RevokeSigningKey : IReturn<SigningKey>, IDelete
{
    public string? Kid { get; set; }
}
