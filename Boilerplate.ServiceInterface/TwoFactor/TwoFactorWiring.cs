using Boilerplate.ServiceInterface.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.TwoFactor;

/// <summary>The second factor: TOTP secrets, encrypted at rest, and recovery codes.</summary>
public static class TwoFactorWiring
{
    public static IServiceCollection AddTwoFactor(this IServiceCollection services)
    {
        services.AddScoped<SecondFactor>();
        services.AddSingleton<TotpSecretProtector>();
        return services;
    }
}
