using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>The user table's one store, the users a GET shows from memory, and the rules every account change keeps.</summary>
public static class UsersWiring
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddSingleton<UserCache>();
        services.AddSingleton<UserStates>();
        services.AddScoped<UserStore>();
        services.AddScoped<UserList>();
        services.AddScoped<UserAccounts>();
        return services;
    }
}
