using System.Buffers;
using System.Buffers.Binary;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BitFaster.Caching.Lru;
using Boilerplate.ServiceInterface.SigningKeys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>
/// A JWT's validation, remembered until the token expires: a client sends the same token with
/// every request for its whole lifetime, and checking its signature each time was the largest
/// share of an authenticated GET (bench/RESULTS.md). Only what the token says of itself is
/// remembered (signature, issuer, lifetime, claims); whether it was revoked, its session ended or
/// its user changed is still asked on every request (<see cref="TokenAcceptance"/>), and whether
/// the key that signed it is still trusted (<see cref="SigningKeyRing.Trusts"/>). Only valid
/// tokens are kept, and only this service issues those. Bounded: past <see cref="Capacity"/> the
/// least recently used go, so tokens no longer sent (renewed, or their client gone) make room.
/// </summary>
public sealed class RememberedTokens(TokenHandler validator, SigningKeyRing keys, TimeProvider clock, int capacity = RememberedTokens.Capacity) : TokenHandler
{
    /// <summary>Each user <see cref="Users.UserCache"/> holds, with a token in use: about 1 KB a token (bench/RESULTS.md).</summary>
    public const int Capacity = 50_000;

    private readonly ConcurrentLru<TokenDigest, Remembered> tokens = new(capacity);

    public int Count => tokens.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var digest = TokenDigest.Of(token);
        if (tokens.TryGet(digest, out var remembered))
        {
            if (clock.GetUtcNow().UtcDateTime <= remembered.ValidUntil && keys.Trusts(remembered.Kid))
                return remembered.Answer();
            tokens.TryRemove(digest);
        }

        var result = await validator.ValidateTokenAsync(token, validationParameters);
        // As the validator judges expiry: exp, with the clock skew allowed.
        if (result is { IsValid: true, SecurityToken: JsonWebToken jwt })
            tokens.AddOrUpdate(digest, Remembered.Of(result, jwt, jwt.ValidTo + validationParameters.ClockSkew));
        return result;
    }

    /// <summary>
    /// A token by its SHA-256, not its text: a third of the memory, and no two tokens share one,
    /// so a forged token never finds another's validation.
    /// </summary>
    private readonly record struct TokenDigest(UInt128 First, UInt128 Second)
    {
        public static TokenDigest Of(string token)
        {
            var length = Encoding.UTF8.GetMaxByteCount(token.Length);
            var rented = length > 2048 ? ArrayPool<byte>.Shared.Rent(length) : null;
            Span<byte> text = rented ?? stackalloc byte[2048];
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(text[..Encoding.UTF8.GetBytes(token, text)], hash);
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
            return new TokenDigest(BinaryPrimitives.ReadUInt128LittleEndian(hash), BinaryPrimitives.ReadUInt128LittleEndian(hash[16..]));
        }
    }

    /// <summary>
    /// What a validation said, in little room: each claim's value, with its type, value type and
    /// issuer shared by every token (they are this service's own names), and the lifetime in place
    /// of the parsed token.
    /// </summary>
    private sealed class Remembered(RememberedClaim[] claims, string? authenticationType, string nameType, string roleType,
        ValidatedToken token, string? tokenType, string? kid, DateTime validUntil)
    {
        public DateTime ValidUntil => validUntil;
        public string? Kid => kid;

        public static Remembered Of(TokenValidationResult result, JsonWebToken jwt, DateTime validUntil)
        {
            var identity = result.ClaimsIdentity;
            var claims = identity.Claims.Select(c => new RememberedClaim(string.Intern(c.Type), c.Value, string.Intern(c.ValueType), string.Intern(c.Issuer))).ToArray();
            return new Remembered(claims, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType,
                new ValidatedToken(jwt.Id, string.Intern(jwt.Issuer), jwt.ValidFrom, jwt.ValidTo), result.TokenType,
                jwt.Kid is { Length: > 0 } kid ? string.Intern(kid) : null, validUntil);
        }

        /// <summary>Each request gets claims of its own, so nothing one request adds reaches another.</summary>
        public TokenValidationResult Answer()
        {
            var identity = new CaseSensitiveClaimsIdentity(authenticationType, nameType, roleType);
            foreach (var claim in claims)
                identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer, claim.Issuer, identity));
            return new TokenValidationResult { IsValid = true, ClaimsIdentity = identity, SecurityToken = token, Issuer = token.Issuer, TokenType = tokenType };
        }
    }

    private readonly record struct RememberedClaim(string Type, string Value, string ValueType, string Issuer);

    /// <summary>What the JWT bearer handler reads of a validated token: its id, issuer and lifetime.</summary>
    private sealed class ValidatedToken(string id, string issuer, DateTime validFrom, DateTime validTo) : SecurityToken
    {
        public override string Id => id;
        public override string Issuer => issuer;
        public override DateTime ValidFrom => validFrom;
        public override DateTime ValidTo => validTo;
        public override SecurityKey? SecurityKey => null;
        public override SecurityKey? SigningKey { get => null; set { } }
    }
}
