using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>The <c>RateLimits</c> configuration section: the budget of each client for each <c>[RateLimited]</c> operation.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Requests one client address may make to one operation per <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class RateLimitSettingsValidation : IValidateOptions<RateLimitSettings>
{
    public ValidateOptionsResult Validate(string? name, RateLimitSettings settings)
    {
        var problems = new List<string>();
        if (settings.PermitLimit < 1)
            problems.Add($"RateLimits:PermitLimit must be at least 1, not {settings.PermitLimit}.");
        if (settings.Window <= TimeSpan.Zero)
            problems.Add($"RateLimits:Window must be positive, not {settings.Window}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
