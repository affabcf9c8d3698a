using Boilerplate.ServiceInterface.Passkeys;

namespace Boilerplate.Host;

/// <summary>Passkeys (WebAuthn, verified by Fido2): a user's credentials, and the ceremonies that add them and sign in with them.</summary>
public static class ConfigurePasskeys
{
    public static WebApplicationBuilder AddPasskeys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PasskeyStore>();
        services.AddScoped<PasskeyCeremonies>();
        services.AddScoped<PasskeyRegistrations>();
        services.AddScoped<PasskeySignIns>();
        return builder;
    }
}
