using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Revocation;

/// <summary>What refuses a valid token: revoked ids, ended sessions and moved stamps, kept in step across hosts.</summary>
public static class RevocationWiring
{
    public static IServiceCollection AddRevocation(this IServiceCollection services)
    {
        services.AddSingleton<RevokedTokens>();
        services.AddSingleton<EndedSessions>();
        services.AddSingleton<RevocationSync>();
        services.AddHostedService<RevokedTokenMaintenance>();
        return services;
    }
}
