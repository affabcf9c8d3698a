using Microsoft.AspNetCore.Http;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// ServiceStack's token cookies. HttpOnly, so page scripts cannot read them; SameSite=Lax, so
/// another site cannot make the browser send them with a cross-site POST; Max-Age and no Expires,
/// because ServiceStack's Node client splits Set-Cookie on commas and an Expires date has one.
/// </summary>
public static class TokenCookies
{
    public const string AccessToken = "ss-tok";
    public const string RefreshToken = "ss-reftok";

    public static void Set(HttpContext context, SessionTokens session, AuthSettings settings)
    {
        var response = context.Response;
        response.Cookies.Append(AccessToken, session.AccessToken, Options(context, settings.AccessTokenLifetime));
        response.Cookies.Append(RefreshToken, session.RefreshToken, Options(context, settings.RefreshTokenLifetime));
        // Tells ServiceStack's clients that the tokens are in cookies (they then refresh by cookie).
        response.Headers["X-Cookies"] = $"{AccessToken},{RefreshToken}";
    }

    public static void Clear(HttpContext context)
    {
        foreach (var name in new[] { AccessToken, RefreshToken })
        {
            if (context.Request.Cookies.ContainsKey(name))
                context.Response.Cookies.Append(name, "", Options(context, TimeSpan.Zero));
        }
    }

    private static CookieOptions Options(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = lifetime,
    };
}
