using System.Security.Claims;

namespace ServiceStack.Auth;

/// <summary>
/// A session read from a bearer token's claims, by the names ServiceStack's JWT provider writes:
/// <c>sub</c>, <c>sid</c> (else <c>jti</c>), <c>preferred_username</c>, <c>name</c>, <c>email</c>,
/// <c>roles</c> and <c>perms</c>; an API key's principal, whose authentication type is
/// <see cref="AuthenticateService.ApiKeyProvider"/>, by the same names.
/// </summary>
internal static class ClaimsSession
{
    public static IAuthSession From(ClaimsPrincipal principal)
    {
        // One pass over the claims, the first of each kind kept, as FindFirst would: this runs for
        // every authenticated request, and a search per claim walked them all eight times.
        string? sid = null, jti = null, sub = null, preferredUsername = null, name = null, email = null;
        List<string> roles = [], permissions = [];
        foreach (var claim in principal.Claims)
        {
            switch (claim.Type)
            {
                case "sid": sid ??= claim.Value; break;
                case "jti": jti ??= claim.Value; break;
                case "sub": sub ??= claim.Value; break;
                case "preferred_username": preferredUsername ??= claim.Value; break;
                case "name": name ??= claim.Value; break;
                case "email": email ??= claim.Value; break;
                case "roles": roles.Add(claim.Value); break;
                case "perms": permissions.Add(claim.Value); break;
            }
        }

        var userName = preferredUsername ?? name;
        return new AuthUserSession
        {
            Id = sid ?? jti,
            UserAuthId = sub,
            UserAuthName = userName,
            UserName = userName,
            DisplayName = name ?? userName,
            Email = email,
            Roles = roles,
            Permissions = permissions,
            IsAuthenticated = true,
            AuthProvider = principal.Identity?.AuthenticationType == AuthenticateService.ApiKeyProvider
                ? AuthenticateService.ApiKeyProvider
                : AuthenticateService.JwtProvider,
        };
    }
}
