using System.Net;
using Boilerplate.ServiceInterface.Auth;
using ServiceStack;
using ServiceStack.Web;

namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>
/// ServiceStack's token cookies. HttpOnly, so page scripts cannot read them; Secure on HTTPS; the
/// message layer adds SameSite=Lax, so another site cannot make the browser send them with a
/// cross-site POST.
/// </summary>
public static class TokenCookies
{
    public const string AccessToken = "ss-tok";
    public const string RefreshToken = "ss-reftok";

    public static void Set(IRequest request, SessionTokens session, AuthSettings settings)
    {
        var response = request.Response;
        response.SetCookie(Cookie(AccessToken, session.AccessToken, settings.AccessTokenLifetime, request));
        response.SetCookie(Cookie(RefreshToken, session.RefreshToken, settings.RefreshTokenLifetime, request));
        // Tells ServiceStack's clients that the tokens are in cookies (they then refresh by cookie).
        response.AddHeader("X-Cookies", $"{AccessToken},{RefreshToken}");
    }

    public static void Clear(IRequest request)
    {
        foreach (var name in new[] { AccessToken, RefreshToken })
        {
            if (request.Cookies.ContainsKey(name))
                request.Response.DeleteCookie(name);
        }
    }

    // The browser keeps a cookie by its own clock, so its expiry is the wall clock's, not the app's TimeProvider.
    private static Cookie Cookie(string name, string value, TimeSpan lifetime, IRequest request) => new(name, value, "/")
    {
        HttpOnly = true,
        Secure = request.IsSecureConnection,
        Expires = DateTime.UtcNow + lifetime,
    };
}
