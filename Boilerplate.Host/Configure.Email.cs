using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Email;

namespace Boilerplate.Host;

/// <summary>
/// Mail through a transactional outbox: queued with the change that causes it, sent by every
/// host's sender over SMTP (SMTP_URL), or written to a folder in development. The account mail's
/// content is Auth's (<see cref="AccountMail"/>).
/// </summary>
public static class ConfigureEmail
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<MailTransport>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<IMailComposer, AccountMail>();
        services.AddHostedService<MailSender>();
        return builder;
    }
}
