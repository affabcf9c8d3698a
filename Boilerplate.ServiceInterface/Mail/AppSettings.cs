using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>The <c>App</c> section: what mail calls the service and where its links lead.</summary>
public sealed class AppSettings
{
    public const string Section = "App";

    public string Name { get; set; } = "SsBoilerplate";

    /// <summary>
    /// Where the account pages live, e.g. <c>https://app.example.com</c>: mail links go to
    /// <c>{PublicUrl}/account/…</c>, and passkeys belong to its host. Unset (outside production
    /// only), the address the server listens on (<see cref="PublicAddress"/>).
    /// </summary>
    public string? PublicUrl { get; set; }
}

public sealed class AppSettingsValidation(IHostEnvironment environment) : IValidateOptions<AppSettings>
{
    public ValidateOptionsResult Validate(string? name, AppSettings settings)
    {
        if (settings.PublicUrl is { Length: > 0 } url)
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"App:PublicUrl must be an http or https address, not '{url}'.");
        }
        return environment.IsProduction()
            ? ValidateOptionsResult.Fail("App:PublicUrl is not set: mail links need the front end's address, e.g. https://app.example.com.")
            : ValidateOptionsResult.Success;
    }
}
