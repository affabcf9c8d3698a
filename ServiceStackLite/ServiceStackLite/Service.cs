using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ServiceStack;

/// <summary>
/// Base class of every service. A service method is named after its verb (Get, Post, Put, Patch,
/// Delete or Any) and takes one request DTO; it returns the response DTO (or a Task of it).
/// </summary>
public abstract class Service
{
    private HttpContext? httpContext;

    /// <summary>The HTTP exchange being served; set by the dispatcher before the method runs.</summary>
    public HttpContext HttpContext
    {
        get => httpContext ?? throw new InvalidOperationException("The service is not serving a request.");
        set => httpContext = value;
    }

    public HttpRequest Request => HttpContext.Request;
    public HttpResponse Response => HttpContext.Response;

    /// <summary>The caller; authenticated only on guarded operations.</summary>
    public ClaimsPrincipal User => HttpContext.User;
}
