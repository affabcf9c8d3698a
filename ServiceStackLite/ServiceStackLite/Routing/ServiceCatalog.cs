using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using ServiceStackLite;

namespace ServiceStack.Routing;

/// <summary>
/// Finds every service method (Get/Post/Put/Patch/Delete/Any taking one request DTO) in the
/// service assemblies and describes its DTO as an <see cref="Operation"/>.
/// </summary>
public sealed class ServiceCatalog
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "PATCH", "DELETE", "ANY"];
    private readonly Dictionary<string, Operation> byName;

    public ServiceCatalog(IEnumerable<Assembly> serviceAssemblies)
    {
        var methods =
            from type in serviceAssemblies.SelectMany(a => a.GetTypes())
            where type.IsSubclassOf(typeof(Service)) && !type.IsAbstract
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            let verb = method.Name.ToUpperInvariant()
            where Verbs.Contains(verb) && method.GetParameters().Length == 1
            let requestType = method.GetParameters()[0].ParameterType
            where typeof(IReturn).IsAssignableFrom(requestType)
            select (type, verb, method, requestType);

        byName = new Dictionary<string, Operation>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in methods.GroupBy(m => m.requestType))
        {
            var services = group.Select(m => m.type).Distinct().ToList();
            if (services.Count > 1)
                throw new InvalidOperationException($"{group.Key.Name} is served by more than one service: {string.Join(", ", services)}");

            var operation = Describe(group.Key, services[0], group.ToDictionary(m => m.verb, m => Invoker.For(m.method)));
            if (!byName.TryAdd(operation.Name, operation))
                throw new InvalidOperationException($"Two request DTOs are named {operation.Name}.");
        }
    }

    public IEnumerable<Operation> Operations => byName.Values;

    public Operation? Find(string requestName) => byName.GetValueOrDefault(requestName);

    private static Operation Describe(Type requestType, Type serviceType, Dictionary<string, ServiceMethod> methods)
    {
        var roles = requestType.GetCustomAttributes<ValidateHasRoleAttribute>().Select(a => a.Role)
            .Concat(requestType.GetCustomAttributes<RequiredRoleAttribute>().SelectMany(a => a.RequiredRoles))
            .Distinct().ToList();
        var permissions = requestType.GetCustomAttributes<RequiredPermissionAttribute>().SelectMany(a => a.RequiredPermissions).Distinct().ToList();
        // Made on the first request, for the reason Invoker compiles late: each is a compiled expression.
        var factory = new Lazy<ObjectFactory>(() => ActivatorUtilities.CreateFactory(serviceType, Type.EmptyTypes));
        return new Operation
        {
            RequestType = requestType,
            ResponseType = ResponseTypeOf(requestType),
            ServiceType = serviceType,
            Routes = requestType.GetCustomAttributes<RouteAttribute>().ToList(),
            // A required role or permission needs a caller first, as ServiceStack's attributes do.
            Guard = requestType.GetCustomAttribute<ValidateIsAuthenticatedAttribute>()
                ?? (roles.Count + permissions.Count > 0 ? new ValidateIsAuthenticatedAttribute() : null),
            RequiredRoles = roles,
            RequiredPermissions = permissions,
            OptionalAuthentication = requestType.IsDefined(typeof(OptionalAuthenticationAttribute)),
            RateLimitBudget = requestType.GetCustomAttribute<RateLimitedAttribute>() is { } limited ? limited.Budget ?? requestType.Name : null,
            Methods = methods,
            CreateService = services => (Service)factory.Value(services, null),
            ValidatorType = typeof(IValidator<>).MakeGenericType(requestType),
        };
    }

    private static Type? ResponseTypeOf(Type requestType) =>
        requestType.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReturn<>))
            ?.GetGenericArguments()[0];
}
