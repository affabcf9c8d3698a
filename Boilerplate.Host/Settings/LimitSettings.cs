using Microsoft.Extensions.Options;

namespace Boilerplate.Host.Settings;

/// <summary>
/// The <c>Limits</c> section: Kestrel's cut-offs for slow clients. One that takes longer than
/// <see cref="RequestHeadersTimeout"/> to send its headers, or sends its body slower than
/// <see cref="MinRequestBodyBytesPerSecond"/> once <see cref="MinRequestBodyGracePeriod"/> is
/// over, is cut off, so a slow-loris client cannot hold a connection and a request thread for ever.
/// </summary>
public sealed class LimitSettings
{
    public const string Section = "Limits";

    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;
    public TimeSpan MinRequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}

public sealed class LimitSettingsValidation : IValidateOptions<LimitSettings>
{
    public ValidateOptionsResult Validate(string? name, LimitSettings settings)
    {
        var problems = new List<string>();
        if (settings.RequestHeadersTimeout <= TimeSpan.Zero)
            problems.Add($"Limits:RequestHeadersTimeout must be positive, not {settings.RequestHeadersTimeout}.");
        if (settings.MinRequestBodyBytesPerSecond <= 0)
            problems.Add($"Limits:MinRequestBodyBytesPerSecond must be positive, not {settings.MinRequestBodyBytesPerSecond}.");
        // Kestrel refuses a grace period of a second or less.
        if (settings.MinRequestBodyGracePeriod <= TimeSpan.FromSeconds(1))
            problems.Add($"Limits:MinRequestBodyGracePeriod must be over one second, not {settings.MinRequestBodyGracePeriod}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
