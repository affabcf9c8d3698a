using System.Text;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>Issues HS256 access tokens and says how they are validated.</summary>
public sealed class JwtTokens(IOptions<AuthSettings> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly AuthSettings settings = options.Value;
    private readonly SigningCredentials credentials = new(SigningKey(options.Value), SecurityAlgorithms.HmacSha256);

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
        if (user.Admin)
            claims[TokenClaims.Roles] = new[] { RoleNames.Admin };
        if (signedInWith is { } proof)
        {
            claims[TokenClaims.AuthTime] = now.ToUnixTimeSeconds();
            claims[TokenClaims.Methods] = proof.Methods();
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.AccessTokenLifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    /// <summary>The one definition of a valid token, used by the JWT bearer handler.</summary>
    public static TokenValidationParameters ValidationParameters(AuthSettings settings) => new()
    {
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        IssuerSigningKey = SigningKey(settings),
        ValidIssuer = settings.Issuer,
        ValidateAudience = false,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = settings.ClockSkew,
        NameClaimType = TokenClaims.Name,
        RoleClaimType = TokenClaims.Roles,
    };

    private static SymmetricSecurityKey SigningKey(AuthSettings settings) =>
        new(Encoding.UTF8.GetBytes(settings.SecretKey));
}
