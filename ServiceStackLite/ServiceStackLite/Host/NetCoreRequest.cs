using System.Collections.Specialized;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using ServiceStack.Auth;
using ServiceStack.Routing;
using ServiceStack.Web;

namespace ServiceStack.Host;

/// <summary>
/// <see cref="IRequest"/> over ASP.NET Core's <see cref="HttpContext"/>, as ServiceStack's own
/// <c>NetCoreRequest</c>. The collections are read from the request only when first asked for.
/// </summary>
public sealed class NetCoreRequest : IRequest
{
    private IDictionary<string, Cookie>? cookies;
    private Dictionary<string, object>? items;
    private NameValueCollection? headers;
    private NameValueCollection? queryString;
    private readonly ServiceStackLiteOptions options;
    private RequestAuthentication? authentication;

    public NetCoreRequest(HttpContext context, Operation operation, ServiceStackLiteOptions options)
    {
        HttpContext = context;
        Operation = operation;
        OperationName = operation.Name;
        this.options = options;
        Response = new NetCoreResponse(this, context.Response);
    }

    /// <summary>The exchange underneath; the message layer's own, not a service's.</summary>
    internal HttpContext HttpContext { get; }

    internal Operation Operation { get; }

    /// <summary>Whether the operation reads credentials at all: guarded, or <c>[OptionalAuthentication]</c>.</summary>
    internal bool MayAuthenticate => Operation.Guard is not null || Operation.OptionalAuthentication;

    /// <summary>Reads the request's credentials the first time it is asked, and remembers what came of it.</summary>
    internal async ValueTask<RequestAuthentication> AuthenticateAsync() =>
        authentication ??= await RequestAuthentication.RunAsync(HttpContext, options);

    public object OriginalRequest => HttpContext.Request;

    public IResponse Response { get; }

    public string OperationName { get; set; }

    public string Verb => HttpContext.Request.Method.ToUpperInvariant();

    public object? Dto { get; set; }

    public string? ContentType => HttpContext.Request.ContentType;

    public string? UserAgent => HttpContext.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;

    public IDictionary<string, Cookie> Cookies => cookies ??= HttpContext.Request.Cookies
        .ToDictionary(c => c.Key, c => new Cookie(c.Key, c.Value), StringComparer.Ordinal);

    public Dictionary<string, object> Items => items ??= [];

    public NameValueCollection Headers => headers ??= Collect(HttpContext.Request.Headers);

    public NameValueCollection QueryString => queryString ??= Collect(HttpContext.Request.Query);

    /// <summary>Filled by the binder when the body is a form; the body is read once, by the binder.</summary>
    public NameValueCollection FormData { get; internal set; } = [];

    public string RawUrl => HttpContext.Request.GetEncodedPathAndQuery();

    public string AbsoluteUri => HttpContext.Request.GetEncodedUrl();

    public string UserHostAddress => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";

    /// <summary>
    /// The connection's address, after ASP.NET Core's forwarded-headers middleware has replaced it
    /// with the one a trusted proxy names. ServiceStack reads X-Forwarded-For itself, from anyone,
    /// which would let a client choose its own address for rate limits and audit lines.
    /// </summary>
    public string RemoteIp => UserHostAddress;

    public string? Authorization => HttpContext.Request.Headers.Authorization.ToString() is { Length: > 0 } value ? value : null;

    public bool IsSecureConnection => HttpContext.Request.IsHttps;

    public string PathInfo => HttpContext.Request.Path.Value ?? "/";

    public CancellationToken RequestAborted => HttpContext.RequestAborted;

    public T TryResolve<T>() => HttpContext.RequestServices.GetService<T>()!;

    public object? GetService(Type serviceType) => HttpContext.RequestServices.GetService(serviceType);

    internal static NameValueCollection Collect(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        var collection = new NameValueCollection(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            foreach (var item in value)
                collection.Add(key, item);
        }
        return collection;
    }
}
