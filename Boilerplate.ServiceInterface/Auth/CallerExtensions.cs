using System.Security.Claims;

namespace Boilerplate.ServiceInterface.Auth;

public static class CallerExtensions
{
    /// <summary>The caller's public id: the token's <c>sub</c>.</summary>
    public static string? PublicId(this ClaimsPrincipal user) => user.FindFirst(TokenClaims.Subject)?.Value;
}
