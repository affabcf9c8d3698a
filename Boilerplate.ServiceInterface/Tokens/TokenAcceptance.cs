using System.Globalization;
using System.Security.Claims;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Revocation;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;
using Microsoft.IdentityModel.Tokens;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>
/// Which bearer tokens are accepted, beyond a valid signature, issuer and expiry
/// (<see cref="JwtTokens.ValidationParameters"/>): where a request's token is read from, and why
/// a valid one is refused anyway. The host's JWT bearer handler asks these on every request.
/// </summary>
public sealed class TokenAcceptance(RevokedTokens revoked, EndedSessions endedSessions, UserStates users)
{
    /// <summary>Our tokens are well under 1 KiB; a huge one is an attack on the parser, not a credential.</summary>
    public const int MaxLength = 8 * 1024;

    /// <summary>
    /// The token a request carries, and why it is refused before any validation. It is read from
    /// the Authorization header ("Bearer &lt;jwt&gt;", or the bare "&lt;jwt&gt;" the seed's clients
    /// also send), else from ServiceStack's <c>ss-tok</c> cookie; null when there is none. Refused
    /// at once: a token too large to be ours, and a cookie riding on a write another site could
    /// have sent (<see cref="IsForgeable"/>).
    /// </summary>
    public static (string? Token, TokenException? Refusal) Read(
        string? authorizationHeader, string? accessTokenCookie, string method, string? contentType, string? requestedWith)
    {
        var credential = BearerCredential.Of(authorizationHeader);
        var fromCookie = credential.IsEmpty;
        if (fromCookie && string.IsNullOrEmpty(accessTokenCookie))
            return (null, null);
        if ((fromCookie ? accessTokenCookie!.Length : credential.Length) > MaxLength)
            return (null, new TokenException(AuthMessages.InvalidToken));
        if (fromCookie)
            return (accessTokenCookie, IsForgeable(method, contentType, requestedWith) ? new TokenException(AuthMessages.ForgeableCookieWrite) : null);
        return (credential.ToString(), null);
    }

    /// <summary>The header a script adds to say a write is its own; no HTML form can send it.</summary>
    public const string RequestedWithHeader = "X-Requested-With";

    /// <summary>
    /// True for a write that rides on the cookie but could have been sent by another site's form
    /// or a simple fetch: not a JSON body and no custom header. A browser lets another origin send
    /// neither without a CORS preflight, which only <c>Cors:AllowedOrigins</c> pass.
    /// </summary>
    public static bool IsForgeable(string method, string? contentType, string? requestedWith)
    {
        if (method is "GET" or "HEAD" or "OPTIONS" || !string.IsNullOrEmpty(requestedWith))
            return false;
        var mediaType = contentType?.Split(';')[0].Trim() ?? "";
        return !(mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Null when a validated token is good, and its principal then says what its user is now:
    /// their roles and permissions are the account's, not the token's, so a change counts at once. Otherwise why
    /// not: the token was revoked or its session ended, or its user is gone, locked or has
    /// revoked every token issued before their stamp moved. The user's state is the table's, as
    /// every host reads it (<see cref="UserStates"/>), never this token's word or one host's memory.
    /// </summary>
    public async Task<TokenException?> CheckAsync(ClaimsPrincipal token, CancellationToken cancel = default)
    {
        if (!Guid.TryParseExact(token.FindFirst(TokenClaims.TokenId)?.Value, "N", out var id) || token.FindFirst(TokenClaims.Subject)?.Value is not { } publicId)
            return new TokenException(AuthMessages.InvalidToken);
        var ended = token.FindFirst(TokenClaims.SessionId)?.Value is { } session && endedSessions.IsEnded(session);
        if (ended || revoked.IsRevoked(id))
            return new TokenException(AuthMessages.RevokedToken);

        var user = await users.FindAsync(publicId, cancel);
        var stamp = int.TryParse(token.FindFirst(TokenClaims.SecurityStamp)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var issued) ? issued : 0;
        if (!user.Exists || user.Locked || stamp < user.SecurityStamp)
            return new TokenException(AuthMessages.RevokedToken);

        var identity = (ClaimsIdentity)token.Identity!;
        // Most tokens still say what their user holds: only a change since they were issued is rewritten.
        if (Says(identity, TokenClaims.Roles, user.Roles) && Says(identity, TokenClaims.Permissions, user.Permissions))
            return null;
        foreach (var claim in identity.Claims.Where(c => c.Type is TokenClaims.Roles or TokenClaims.Permissions).ToList())
            identity.RemoveClaim(claim);
        foreach (var role in user.Roles)
            identity.AddClaim(new Claim(TokenClaims.Roles, role));
        foreach (var permission in user.Permissions)
            identity.AddClaim(new Claim(TokenClaims.Permissions, permission));
        return null;
    }

    /// <summary>True when the identity's claims of this type are these values, in this order.</summary>
    private static bool Says(ClaimsIdentity identity, string type, IReadOnlyList<string> values)
    {
        var count = 0;
        foreach (var claim in identity.Claims)
        {
            if (claim.Type != type)
                continue;
            if (count == values.Count || claim.Value != values[count])
                return false;
            count++;
        }
        return count == values.Count;
    }

    /// <summary>
    /// True when the token was not judged at all: its user could not be read because the database
    /// is down. That is no bad token, so no 401 that would sign the client out, but the database's
    /// own 503.
    /// </summary>
    public static bool CouldNotJudge(Exception failure) => DatabaseErrors.IsUnavailable(failure);

    /// <summary>What the client is told about a token that did not validate.</summary>
    public static TokenException Explain(Exception failure) =>
        new(failure is SecurityTokenExpiredException ? AuthMessages.ExpiredToken : AuthMessages.InvalidToken);
}
