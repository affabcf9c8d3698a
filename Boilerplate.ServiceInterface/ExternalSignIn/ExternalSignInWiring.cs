using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.ExternalSignIn;

/// <summary>Sign-in through external providers: linked identities, the tickets between callback and page, and the rules of which account signs in.</summary>
public static class ExternalSignInWiring
{
    public static IServiceCollection AddExternalSignIn(this IServiceCollection services)
    {
        services.AddScoped<ExternalIdentities>();
        services.AddScoped<ExternalSignInTickets>();
        services.AddScoped<ExternalSignIns>();
        return services;
    }
}
