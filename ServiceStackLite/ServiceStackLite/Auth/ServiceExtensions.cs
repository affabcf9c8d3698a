using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ServiceStack.Auth;
using ServiceStack.Host;
using ServiceStack.Web;

namespace ServiceStack;

public static class ServiceExtensions
{
    /// <summary>
    /// The caller. On a guarded operation the guard has already read the token; on one marked
    /// <c>[OptionalAuthentication]</c> a sent token is read now, and a refused one throws a
    /// <see cref="TokenException"/> (401). Elsewhere the session is unauthenticated.
    /// </summary>
    public static async Task<IAuthSession> GetSessionAsync(this IRequest request)
    {
        if (request is not NetCoreRequest netCore)
            return new AuthUserSession();
        if (!netCore.MayAuthenticate)
            return new AuthUserSession();
        var authentication = await netCore.AuthenticateAsync();
        if (!authentication.None && !authentication.Succeeded)
            throw authentication.Failure;
        return authentication.Session;
    }

    /// <summary>
    /// <see cref="GetSessionAsync"/> for code that cannot await. Once the guard has read the token
    /// this does not wait at all; before that, reading a bearer token signed with a key held in
    /// memory completes without waiting either.
    /// </summary>
    public static IAuthSession GetSession(this IRequest request) => request.GetSessionAsync().GetAwaiter().GetResult();

    /// <summary>The caller as ASP.NET Core sees them: the token's claims, or an anonymous principal.</summary>
    public static ClaimsPrincipal GetClaimsPrincipal(this IRequest request) =>
        (request.OriginalRequest as HttpRequest)?.HttpContext.User ?? new ClaimsPrincipal(new ClaimsIdentity());
}
