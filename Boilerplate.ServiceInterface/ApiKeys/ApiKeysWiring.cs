using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.ApiKeys;

/// <summary>API keys: their table, each host's copy of the keys in use, how a key is judged, and when each was last used.</summary>
public static class ApiKeysWiring
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyStates>();
        services.AddSingleton<ApiKeyAcceptance>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiKeyUsage>());
        services.AddScoped<ApiKeyStore>();
        return services;
    }
}
