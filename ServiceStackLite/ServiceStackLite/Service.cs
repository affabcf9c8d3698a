using ServiceStack.Auth;
using ServiceStack.Web;

namespace ServiceStack;

/// <summary>
/// Base class of every service, as ServiceStack's: a method named after its verb (Get, Post, Put,
/// Patch, Delete or Any) takes one request DTO and returns the response DTO (or a Task of it).
/// The request comes in as <see cref="Request"/>; the caller as <see cref="GetSession"/>.
/// </summary>
public abstract class Service
{
    private IRequest? request;

    /// <summary>The request being served; set by the dispatcher before the method runs.</summary>
    public IRequest Request
    {
        get => request ?? throw new InvalidOperationException("The service is not serving a request.");
        set => request = value;
    }

    public IResponse Response => Request.Response;

    /// <summary>The caller; see <see cref="ServiceExtensions.GetSessionAsync"/> for when a token is read.</summary>
    public IAuthSession GetSession() => Request.GetSession();

    public Task<IAuthSession> GetSessionAsync() => Request.GetSessionAsync();

    public bool IsAuthenticated => GetSession().IsAuthenticated;

    /// <summary>A service registered for the request's scope, or default.</summary>
    public T TryResolve<T>() => Request.TryResolve<T>();
}
