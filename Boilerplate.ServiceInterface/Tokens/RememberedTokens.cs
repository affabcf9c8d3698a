using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>
/// A JWT's validation, remembered until the token expires: a client sends the same token with
/// every request for its whole lifetime, and checking its signature each time was the largest
/// share of an authenticated GET (bench/RESULTS.md). Only what the token says of itself is
/// remembered (signature, issuer, lifetime, claims); whether it was revoked, its session ended or
/// its user's stamp moved is still asked on every request (<see cref="TokenAcceptance"/>). Only
/// valid tokens are kept, and only this service issues those. Each holds about 4 KB
/// (bench/RESULTS.md); at <see cref="Capacity"/> the expired ones go, then all.
/// </summary>
public sealed class RememberedTokens(TokenHandler validator, TimeProvider clock) : TokenHandler
{
    public const int Capacity = 5_000;

    private sealed record Remembered(TokenValidationResult Result, DateTime ValidUntil);

    private readonly ConcurrentDictionary<string, Remembered> tokens = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (tokens.TryGetValue(token, out var remembered))
        {
            if (now <= remembered.ValidUntil)
                return Copy(remembered.Result);
            tokens.TryRemove(new KeyValuePair<string, Remembered>(token, remembered));
        }

        var result = await validator.ValidateTokenAsync(token, validationParameters);
        if (result is { IsValid: true, SecurityToken: JsonWebToken jwt })
        {
            if (tokens.Count >= Capacity)
                Trim(now);
            // As the validator judges expiry: exp, with the clock skew allowed.
            tokens[token] = new Remembered(result, jwt.ValidTo + validationParameters.ClockSkew);
        }
        return result;
    }

    /// <summary>Each request gets claims of its own, so nothing one request adds reaches another.</summary>
    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };

    private void Trim(DateTime now)
    {
        foreach (var (token, remembered) in tokens)
        {
            if (now > remembered.ValidUntil)
                tokens.TryRemove(new KeyValuePair<string, Remembered>(token, remembered));
        }
        if (tokens.Count >= Capacity)
            tokens.Clear();
    }
}
