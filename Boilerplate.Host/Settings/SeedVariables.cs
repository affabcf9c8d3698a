using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace Boilerplate.Host.Settings;

/// <summary>
/// The seed's SECRET_KEY and DATABASE_URL, and SMTP_URL in their style, read as Auth:SecretKey,
/// Database:Url and Email:SmtpUrl. They sit just
/// above the other environment variables, so command-line settings still override them.
/// </summary>
public static class SeedVariables
{
    public static void AddTo(ConfigurationManager configuration)
    {
        var aliases = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("SECRET_KEY") is { Length: > 0 } secret)
            aliases[$"{AuthSettings.Section}:{nameof(AuthSettings.SecretKey)}"] = secret;
        if (Environment.GetEnvironmentVariable("DATABASE_URL") is { Length: > 0 } url)
            aliases[$"{DatabaseSettings.Section}:{nameof(DatabaseSettings.Url)}"] = url;
        if (Environment.GetEnvironmentVariable("SMTP_URL") is { Length: > 0 } smtp)
            aliases[$"{EmailSettings.Section}:{nameof(EmailSettings.SmtpUrl)}"] = smtp;
        if (aliases.Count == 0)
            return;

        var sources = configuration.Sources;
        var lastEnvironment = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is EnvironmentVariablesConfigurationSource).i;
        var source = new MemoryConfigurationSource { InitialData = aliases };
        if (lastEnvironment > 0) sources.Insert(lastEnvironment + 1, source);
        else sources.Add(source);
    }
}
