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
        string? Claim(string type) => principal.FindFirst(type)?.Value;
        List<string> All(string type) => principal.FindAll(type).Select(c => c.Value).ToList();

        var userName = Claim("preferred_username") ?? Claim("name");
        return new AuthUserSession
        {
            Id = Claim("sid") ?? Claim("jti"),
            UserAuthId = Claim("sub"),
            UserAuthName = userName,
            UserName = userName,
            DisplayName = Claim("name") ?? userName,
            Email = Claim("email"),
            Roles = All("roles"),
            Permissions = All("perms"),
            IsAuthenticated = true,
            AuthProvider = principal.Identity?.AuthenticationType == AuthenticateService.ApiKeyProvider
                ? AuthenticateService.ApiKeyProvider
                : AuthenticateService.JwtProvider,
        };
    }
}
