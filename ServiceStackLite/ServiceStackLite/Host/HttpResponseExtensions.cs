using System.Net;
using ServiceStack.Web;

namespace ServiceStack;

public static class HttpResponseExtensions
{
    /// <summary>Adds a Set-Cookie; a response that cannot carry cookies is left as it is.</summary>
    public static void SetCookie(this IResponse response, Cookie cookie) => (response as IHttpResponse)?.SetCookie(cookie);

    /// <summary>Adds a Set-Cookie that makes the client drop the cookie.</summary>
    public static void DeleteCookie(this IResponse response, string cookieName) => (response as IHttpResponse)?.Cookies.DeleteCookie(cookieName);
}
