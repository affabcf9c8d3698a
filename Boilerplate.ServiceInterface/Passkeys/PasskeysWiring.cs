using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>Passkeys (WebAuthn, verified by Fido2): a user's credentials, and the ceremonies that add them and sign in with them.</summary>
public static class PasskeysWiring
{
    public static IServiceCollection AddPasskeys(this IServiceCollection services)
    {
        services.AddScoped<PasskeyStore>();
        services.AddScoped<PasskeyCeremonies>();
        services.AddScoped<PasskeyRegistrations>();
        services.AddScoped<PasskeySignIns>();
        return services;
    }
}
