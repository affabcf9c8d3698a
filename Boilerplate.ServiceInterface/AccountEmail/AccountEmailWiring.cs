using Boilerplate.ServiceInterface.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.AccountEmail;

/// <summary>The mailed tokens of the email flows, and what their mail says.</summary>
public static class AccountEmailWiring
{
    public static IServiceCollection AddAccountEmail(this IServiceCollection services)
    {
        services.AddScoped<EmailTokens>();
        services.AddScoped<MailedLinks>();
        services.AddScoped<IMailComposer, AccountMail>();
        return services;
    }
}
