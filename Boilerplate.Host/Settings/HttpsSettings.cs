using Microsoft.Extensions.Options;

namespace Boilerplate.Host.Settings;

/// <summary>The <c>Https</c> section: where production redirects plain HTTP, and whether it does.</summary>
public sealed class HttpsSettings
{
    public const string Section = "Https";

    public int Port { get; set; } = 443;

    /// <summary>Off behind a TLS-terminating proxy that sends no X-Forwarded-Proto.</summary>
    public bool Redirect { get; set; } = true;
}

public sealed class HttpsSettingsValidation : IValidateOptions<HttpsSettings>
{
    public ValidateOptionsResult Validate(string? name, HttpsSettings settings) =>
        settings.Port is < 1 or > 65535
            ? ValidateOptionsResult.Fail($"Https:Port must be a port number from 1 to 65535, not {settings.Port}.")
            : ValidateOptionsResult.Success;
}
