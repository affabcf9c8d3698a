using Microsoft.Extensions.Options;

namespace Boilerplate.Host.Settings;

/// <summary>
/// The <c>Metrics</c> section: a Prometheus scrape endpoint at <c>/metrics</c>. Off unless set
/// (the development and test files set it); with <see cref="Port"/>, served on that port only,
/// which then serves nothing else.
/// </summary>
public sealed class MetricsSettings
{
    public const string Section = "Metrics";

    public bool Enabled { get; set; }

    public int? Port { get; set; }
}

public sealed class MetricsSettingsValidation : IValidateOptions<MetricsSettings>
{
    public ValidateOptionsResult Validate(string? name, MetricsSettings settings) =>
        settings.Port is < 1 or > 65535
            ? ValidateOptionsResult.Fail($"Metrics:Port must be a port number from 1 to 65535, not {settings.Port}.")
            : ValidateOptionsResult.Success;
}
