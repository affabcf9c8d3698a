using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Registration;

/// <summary>Making accounts, and the names a registration in flight holds on this host.</summary>
public static class RegistrationWiring
{
    public static IServiceCollection AddRegistration(this IServiceCollection services)
    {
        services.AddScoped<Registrations>();
        services.AddSingleton<RegistrationReservations>();
        return services;
    }
}
