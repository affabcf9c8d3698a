using Boilerplate.ServiceInterface.Data;
using Microsoft.Extensions.DependencyInjection;
using ServiceStackLite;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>
/// The budget of the <c>[RateLimited]</c> operations per client address: in the database on
/// PostgreSQL, so it holds across every host, and in memory on SQLite's one host.
/// </summary>
public static class RateLimitsWiring
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<SharedRateLimiter>();
        services.AddSingleton<IRequestRateLimiter>(provider => provider.GetRequiredService<DatabaseTarget>().IsPostgreSql
            ? provider.GetRequiredService<SharedRateLimiter>()
            : provider.GetRequiredService<ClientRateLimiter>());
        services.AddHostedService<RateLimitMaintenance>();
        return services;
    }
}
