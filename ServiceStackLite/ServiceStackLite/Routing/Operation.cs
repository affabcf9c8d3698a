using System.Reflection;

namespace ServiceStack.Routing;

/// <summary>Everything the dispatcher knows about one request DTO, read once at start-up.</summary>
public sealed class Operation
{
    public required Type RequestType { get; init; }
    /// <summary>The <c>T</c> of <c>IReturn&lt;T&gt;</c>; null for <c>IReturnVoid</c>.</summary>
    public Type? ResponseType { get; init; }
    public required Type ServiceType { get; init; }
    public required IReadOnlyList<RouteAttribute> Routes { get; init; }
    /// <summary>Set when the DTO needs a bearer token.</summary>
    public ValidateIsAuthenticatedAttribute? Guard { get; init; }
    /// <summary>Roles the caller must all hold (<c>[ValidateHasRole]</c>, <c>[RequiredRole]</c>); the Admin role passes.</summary>
    public required IReadOnlyList<string> RequiredRoles { get; init; }
    /// <summary>Permissions the caller must all hold (<c>[RequiredPermission]</c>); the Admin role holds them all.</summary>
    public required IReadOnlyList<string> RequiredPermissions { get; init; }
    /// <summary><c>[OptionalAuthentication]</c>: open to anyone, and reads a bearer token when one is sent.</summary>
    public bool OptionalAuthentication { get; init; }
    /// <summary><c>[RateLimited]</c>'s budget: counted per client before the guard, and never batched; null when not limited.</summary>
    public string? RateLimitBudget { get; init; }
    public bool RateLimited => RateLimitBudget is not null;
    /// <summary>Service methods by upper-case verb; "ANY" serves every verb without its own method.</summary>
    public required IReadOnlyDictionary<string, ServiceMethod> Methods { get; init; }
    /// <summary>Creates the service with its constructor dependencies from the request's scope.</summary>
    public required Func<IServiceProvider, Service> CreateService { get; init; }
    /// <summary><c>IValidator&lt;TRequest&gt;</c>: looked up per request, registered by the app.</summary>
    public required Type ValidatorType { get; init; }

    public string Name => RequestType.Name;

    public ServiceMethod? MethodFor(string verb) =>
        Methods.GetValueOrDefault(verb.ToUpperInvariant()) ?? Methods.GetValueOrDefault("ANY");
}

public sealed record ServiceMethod(MethodInfo Method, Func<object, object, Task<object?>> Invoke);
