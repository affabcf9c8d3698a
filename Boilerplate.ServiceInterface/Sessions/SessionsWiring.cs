using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Sessions;

/// <summary>Sessions and their refresh tokens, and ending all of a user's at once.</summary>
public static class SessionsWiring
{
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddScoped<SessionStore>();
        services.AddScoped<SignOutEverywhere>();
        services.AddScoped<IUserSessions>(provider => provider.GetRequiredService<SignOutEverywhere>());
        return services;
    }
}
