using Boilerplate.Host.Settings;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.RateLimits;

namespace Boilerplate.Host;

/// <summary>
/// Every configuration section, one class each (defaults in the class only), checked together
/// before the service starts; the seed's SECRET_KEY and DATABASE_URL, and SMTP_URL, read as their settings.
/// </summary>
public static class ConfigureSettings
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        SeedVariables.AddTo(builder.Configuration);
        builder.Services
            .AddSection<AuthSettings>(AuthSettings.Section, environment => new AuthSettingsValidation(environment))
            .AddSection<DatabaseSettings>(DatabaseSettings.Section, environment => new DatabaseSettingsValidation(environment))
            .AddSection<AuditSettings>(AuditSettings.Section, _ => new AuditSettingsValidation())
            .AddSection<RateLimitSettings>(RateLimitSettings.Section, _ => new RateLimitSettingsValidation())
            .AddSection<LimitSettings>(LimitSettings.Section, _ => new LimitSettingsValidation())
            .AddSection<HttpsSettings>(HttpsSettings.Section, _ => new HttpsSettingsValidation())
            .AddSection<ForwardedHeadersSettings>(ForwardedHeadersSettings.Section, _ => new ForwardedHeadersSettingsValidation())
            .AddSection<CorsSettings>(CorsSettings.Section, _ => new CorsSettingsValidation())
            .AddSection<MetricsSettings>(MetricsSettings.Section, _ => new MetricsSettingsValidation())
            .AddSection<EmailSettings>(EmailSettings.Section, environment => new EmailSettingsValidation(environment))
            .AddSection<AppSettings>(AppSettings.Section, environment => new AppSettingsValidation(environment));
        return builder;
    }
}
