using Boilerplate.ServiceInterface.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>Mail through a transactional outbox, sent by every host's sender over SMTP, or written to a folder in development.</summary>
public static class MailWiring
{
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<MailTokenProtector>();
        services.AddScoped<MailOutbox>();
        services.AddHostedService<MailSender>();
        return services;
    }
}
