using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Passwords;

/// <summary>bcrypt, on workers of its own below the API's priority.</summary>
public static class PasswordsWiring
{
    public static IServiceCollection AddPasswords(this IServiceCollection services)
    {
        services.AddSingleton<PasswordHasher>();
        return services;
    }
}
