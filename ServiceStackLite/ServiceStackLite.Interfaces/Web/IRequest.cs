using System.Collections.Specialized;
using System.Net;
using ServiceStack.Configuration;

namespace ServiceStack.Web;

/// <summary>
/// ServiceStack's view of the request a service is serving, whatever the host underneath: the
/// members of ServiceStack's <c>IRequest</c> that this stand-in serves.
/// </summary>
public interface IRequest : IResolver, IServiceProvider
{
    /// <summary>The host's own request (ASP.NET Core's <c>HttpRequest</c>): the one escape hatch.</summary>
    object OriginalRequest { get; }

    IResponse Response { get; }

    /// <summary>The request DTO's name.</summary>
    string OperationName { get; set; }

    /// <summary>The HTTP method, upper case.</summary>
    string Verb { get; }

    /// <summary>The request DTO, once it has been bound.</summary>
    object? Dto { get; set; }

    string? ContentType { get; }

    string? UserAgent { get; }

    IDictionary<string, Cookie> Cookies { get; }

    /// <summary>Anything filters and services want to pass along with this request.</summary>
    Dictionary<string, object> Items { get; }

    NameValueCollection Headers { get; }

    NameValueCollection QueryString { get; }

    /// <summary>The fields of a form body; empty for any other body.</summary>
    NameValueCollection FormData { get; }

    /// <summary>The path and query as sent: <c>/user?page=2</c>.</summary>
    string RawUrl { get; }

    string AbsoluteUri { get; }

    /// <summary>The address of the connection's other end.</summary>
    string UserHostAddress { get; }

    /// <summary>The client's address; see the stand-in's README for which proxies it believes.</summary>
    string RemoteIp { get; }

    /// <summary>The Authorization header, or null.</summary>
    string? Authorization { get; }

    bool IsSecureConnection { get; }

    /// <summary>The path below the application's base: <c>/user/me</c>.</summary>
    string PathInfo { get; }

    /// <summary>Cancelled when the client goes away.</summary>
    CancellationToken RequestAborted { get; }
}
