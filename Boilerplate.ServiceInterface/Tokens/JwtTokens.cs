using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceInterface.SigningKeys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>
/// Issues access tokens and says how they are validated: signed with the ring's current key (its
/// <c>kid</c> in the header) or, under HS256, the app's secret; issued by <c>App:PublicUrl</c> for
/// <c>Auth:Audience</c>.
/// </summary>
public sealed class JwtTokens(IOptions<AuthSettings> options, SigningKeyRing keys, RoleCatalog roles, PublicAddress publicAddress, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly AuthSettings settings = options.Value;

    /// <summary>The tokens' <c>iss</c>: where the service is reached, and where its keys are published.</summary>
    public string Issuer => publicAddress.Url;

    /// <summary>The tokens' <c>aud</c>: <c>Auth:Audience</c>, else the issuer.</summary>
    public string Audience => settings.Audience is { Length: > 0 } audience ? audience : Issuer;

    /// <summary>
    /// An access token of the session. The first one of a sign-in also says when and how the user
    /// proved themselves (<c>auth_time</c>, <c>amr</c>); one from a renewal does not, so a renewed
    /// session is never taken for a fresh sign-in.
    /// </summary>
    public string Issue(UserRecord user, string sessionId, SignInProof? signedInWith = null)
    {
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            [TokenClaims.Subject] = user.PublicId,
            [TokenClaims.TokenId] = Guid.NewGuid().ToString("N"),
            [TokenClaims.Name] = user.Username,
            [TokenClaims.Email] = user.Email,
            [TokenClaims.PreferredUsername] = user.Username,
            [TokenClaims.SessionId] = sessionId,
            [TokenClaims.SecurityStamp] = user.SecurityStamp,
        };
        // For other services to read; this one judges each request by the account as it is now (TokenAcceptance).
        if (RoleCatalog.RolesOf(user) is { Count: > 0 } held)
            claims[TokenClaims.Roles] = held.ToArray();
        if (roles.PermissionsOf(user) is { Count: > 0 } permissions)
            claims[TokenClaims.Permissions] = permissions.ToArray();
        if (signedInWith is { } proof)
        {
            claims[TokenClaims.AuthTime] = now.ToUnixTimeSeconds();
            claims[TokenClaims.Methods] = proof.Methods();
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.AccessTokenLifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = keys.Credentials(),
        });
    }

    /// <summary>
    /// The one definition of a valid token, used by the JWT bearer handler. With key pairs, only
    /// a key of the ring verifies, found by the token's <c>kid</c>: a token signed with the app's
    /// secret is refused, so a leaked SECRET_KEY mints nothing.
    /// </summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidAlgorithms = keys.UsesKeyPairs ? [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256] : [SecurityAlgorithms.HmacSha256],
        IssuerSigningKeyResolver = (_, _, kid, _) => keys.VerifyingKeys(kid),
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = settings.ClockSkew,
        NameClaimType = TokenClaims.Name,
        RoleClaimType = TokenClaims.Roles,
    };
}
