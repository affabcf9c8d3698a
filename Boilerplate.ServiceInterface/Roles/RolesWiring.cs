using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Roles;

/// <summary>The roles table's store, and each host's copy of the mapping from roles to permissions.</summary>
public static class RolesWiring
{
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.AddSingleton<RoleCatalog>();
        services.AddScoped<RoleStore>();
        return services;
    }
}
