using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.SigningKeys;

/// <summary>
/// The keys as other services see them (the JWKS and the discovery document), and as admins
/// manage them: list, rotate, revoke. Every change is audited.
/// </summary>
public class SigningKeyServices(SigningKeyRing ring, SigningKeyStore store, JwtTokens tokens) : AppService
{
    /// <summary>Long enough to spare the service, short against the activation delay, so a rotated key is learnt before it signs.</summary>
    private const string Cacheable = "public, max-age=300";

    public const string JwksPath = "/.well-known/jwks.json";

    public JsonWebKeySet Get(GetJsonWebKeySet request)
    {
        Response.AddHeader("Cache-Control", Cacheable);
        return new JsonWebKeySet { Keys = ring.Published().Select(k => ToDto(k.PublicJwk)).ToList() };
    }

    public OpenIdConfiguration Get(GetOpenIdConfiguration request)
    {
        Response.AddHeader("Cache-Control", Cacheable);
        return new OpenIdConfiguration
        {
            Issuer = tokens.Issuer,
            JwksUri = tokens.Issuer + JwksPath,
        };
    }

    public async Task<GetSigningKeysResponse> Get(GetSigningKeys request) =>
        new() { Results = (await store.ListAsync(Cancel)).Select(k => ToDto(k.Key, k.State)).ToList() };

    public async Task<SigningKey> Post(RotateSigningKey request)
    {
        var key = await store.RotateAsync(request.ActivateNow == true, await ActorAsync(), ClientIp, Cancel);
        return await DescribeAsync(key.Kid);
    }

    public async Task<SigningKey> Delete(RevokeSigningKey request)
    {
        var key = await store.RevokeAsync(request.Kid ?? "", await ActorAsync(), ClientIp, Cancel)
            ?? throw HttpError.NotFound("No signing key has that kid.");
        return await DescribeAsync(key.Kid);
    }

    private async Task<string?> ActorAsync() => (await CallerAsync()).PublicId;

    private async Task<SigningKey> DescribeAsync(string kid)
    {
        var (key, state) = (await store.ListAsync(Cancel)).First(k => k.Key.Kid == kid);
        return ToDto(key, state);
    }

    private static SigningKey ToDto(SigningKeyRecord key, SigningKeyState state) => new()
    {
        Kid = key.Kid,
        Algorithm = key.Algorithm,
        State = state.ToString().ToLowerInvariant(),
        CreatedOn = DateTime.SpecifyKind(key.CreatedOn, DateTimeKind.Utc),
        ActivatesOn = DateTime.SpecifyKind(key.ActivatesOn, DateTimeKind.Utc),
        RevokedOn = key.RevokedOn is { } revoked ? DateTime.SpecifyKind(revoked, DateTimeKind.Utc) : null,
    };

    private static JsonWebKey ToDto(Microsoft.IdentityModel.Tokens.JsonWebKey jwk) => new()
    {
        Kty = jwk.Kty,
        Use = jwk.Use,
        Alg = jwk.Alg,
        Kid = jwk.Kid,
        Crv = jwk.Crv,
        X = jwk.X,
        Y = jwk.Y,
        N = jwk.N,
        E = jwk.E,
    };
}
