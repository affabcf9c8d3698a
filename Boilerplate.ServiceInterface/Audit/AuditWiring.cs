using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Audit;

/// <summary>The audit log's lines and the stored trail.</summary>
public static class AuditWiring
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddScoped<AuditTrail>();
        return services;
    }
}
