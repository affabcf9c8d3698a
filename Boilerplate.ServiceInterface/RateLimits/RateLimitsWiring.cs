using Boilerplate.ServiceInterface.Data;
using Microsoft.Extensions.DependencyInjection;
using ServiceStackLite;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>
/// The budgets of the <c>[RateLimited]</c> operations per client address, and the cap on mail per
/// recipient: counted in the database on PostgreSQL, so they hold across every host, and in memory
/// on SQLite's one host.
/// </summary>
public static class RateLimitsWiring
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryRateLimitCounter>();
        services.AddSingleton<SharedRateLimitCounter>();
        services.AddSingleton<IRateLimitCounter>(provider => provider.GetRequiredService<DatabaseTarget>().IsPostgreSql
            ? provider.GetRequiredService<SharedRateLimitCounter>()
            : provider.GetRequiredService<InMemoryRateLimitCounter>());
        services.AddSingleton<IRequestRateLimiter, ClientRateLimiter>();
        services.AddSingleton<RecipientRateLimiter>();
        services.AddHostedService<RateLimitMaintenance>();
        return services;
    }
}
