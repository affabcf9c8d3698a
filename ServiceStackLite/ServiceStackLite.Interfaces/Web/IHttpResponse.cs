using System.Net;

namespace ServiceStack.Web;

/// <summary>A response over HTTP, which can also set cookies.</summary>
public interface IHttpResponse : IResponse
{
    ICookies Cookies { get; }

    /// <summary>Adds a Set-Cookie for <paramref name="cookie"/>.</summary>
    void SetCookie(Cookie cookie);
}
