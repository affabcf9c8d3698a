using Microsoft.Extensions.Options;

namespace Boilerplate.Host.Settings;

/// <summary>The <c>Cors</c> section: the browser front ends on other origins that may call the API. None by default.</summary>
public sealed class CorsSettings
{
    public const string Section = "Cors";

    public List<string> AllowedOrigins { get; set; } = [];
}

public sealed class CorsSettingsValidation : IValidateOptions<CorsSettings>
{
    public ValidateOptionsResult Validate(string? name, CorsSettings settings)
    {
        var problems = settings.AllowedOrigins
            .Select((origin, index) => (origin, index))
            .Where(o => !IsOrigin(o.origin))
            .Select(o => $"Cors:AllowedOrigins:{o.index} must be an origin such as https://app.example.com, not '{o.origin}'.")
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    // An origin is a scheme, a host and maybe a port: nothing after them, not even a slash.
    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.GetLeftPart(UriPartial.Authority).Equals(origin, StringComparison.OrdinalIgnoreCase);
}
