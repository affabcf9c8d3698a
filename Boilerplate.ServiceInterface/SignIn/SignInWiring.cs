using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.SignIn;

/// <summary>Checking a password sign-in, and the challenges that wait for its second factor.</summary>
public static class SignInWiring
{
    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddScoped<SignIns>();
        services.AddScoped<MfaChallenges>();
        services.AddScoped<Guesses>();
        return services;
    }
}
