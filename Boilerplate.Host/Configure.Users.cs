using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.Host;

/// <summary>Accounts: the one store of the user table and the rules every account change keeps.</summary>
public static class ConfigureUsers
{
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserCache>();
        builder.Services.AddScoped<UserStore>();
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddSingleton<RegistrationReservations>();
        return builder;
    }
}
