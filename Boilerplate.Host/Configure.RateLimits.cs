using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.RateLimits;
using ServiceStackLite;

namespace Boilerplate.Host;

/// <summary>
/// The budget of the <c>[RateLimited]</c> operations (sign-in, registration, refresh) per client
/// address: in the database on PostgreSQL, so it holds across every host, and in memory on
/// SQLite's one host.
/// </summary>
public static class ConfigureRateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<SharedRateLimiter>();
        services.AddSingleton<IRequestRateLimiter>(sp => sp.GetRequiredService<DatabaseTarget>().IsPostgreSql
            ? sp.GetRequiredService<SharedRateLimiter>()
            : sp.GetRequiredService<ClientRateLimiter>());
        services.AddHostedService<RateLimitMaintenance>();
        return builder;
    }
}
