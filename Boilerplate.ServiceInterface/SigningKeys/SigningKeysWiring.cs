using Boilerplate.ServiceInterface.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.SigningKeys;

/// <summary>The key pairs tokens are signed with: the table, and each host's ring read from it.</summary>
public static class SigningKeysWiring
{
    public static IServiceCollection AddSigningKeys(this IServiceCollection services)
    {
        services.AddSingleton<SigningKeyProtector>();
        services.AddSingleton<SigningKeyRing>();
        services.AddScoped<SigningKeyStore>();
        return services;
    }
}
