using System.Net;
using Microsoft.AspNetCore.Http;
using ServiceStack.Web;

namespace ServiceStack.Host;

/// <summary><see cref="IHttpResponse"/> over ASP.NET Core's <see cref="HttpResponse"/>, as ServiceStack's own <c>NetCoreResponse</c>.</summary>
public sealed class NetCoreResponse(NetCoreRequest request, HttpResponse response) : IHttpResponse, ICookies
{
    private Dictionary<string, object>? items;

    public object OriginalResponse => response;

    public IRequest Request => request;

    public int StatusCode
    {
        get => response.StatusCode;
        set => response.StatusCode = value;
    }

    public string? ContentType
    {
        get => response.ContentType;
        set => response.ContentType = value;
    }

    public bool HasStarted => response.HasStarted;

    public Dictionary<string, object> Items => items ??= [];

    public ICookies Cookies => this;

    public void AddHeader(string name, string value) => response.Headers.Append(name, value);

    public void RemoveHeader(string name) => response.Headers.Remove(name);

    public string? GetHeader(string name) => response.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    public void Redirect(string url) => response.Redirect(url);

    /// <summary>
    /// Writes the cookie with Max-Age in place of Expires, and SameSite=Lax (ServiceStack's
    /// default), so a cross-site POST carries no cookie. ServiceStack's Node client splits
    /// Set-Cookie on commas, and an Expires date has one.
    /// </summary>
    public void SetCookie(Cookie cookie) => response.Cookies.Append(cookie.Name, cookie.Value, new CookieOptions
    {
        HttpOnly = cookie.HttpOnly,
        Secure = cookie.Secure,
        SameSite = SameSiteMode.Lax,
        Path = string.IsNullOrEmpty(cookie.Path) ? "/" : cookie.Path,
        Domain = string.IsNullOrEmpty(cookie.Domain) ? null : cookie.Domain,
        MaxAge = cookie.Expires == DateTime.MinValue ? null : MaxAge(cookie.Expires),
    });

    public void DeleteCookie(string cookieName) => SetCookie(new Cookie(cookieName, "", "/")
    {
        HttpOnly = true,
        Secure = request.IsSecureConnection,
        Expires = DateTime.UnixEpoch,
    });

    private static TimeSpan MaxAge(DateTime expires)
    {
        var left = expires.ToUniversalTime() - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
