using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Audit;

/// <summary>The <c>Audit</c> section: how long the stored audit trail is kept.</summary>
public sealed class AuditSettings
{
    public const string Section = "Audit";

    /// <summary>Rows older than this many days are deleted, hourly.</summary>
    public int RetentionDays { get; set; } = 365;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}

public sealed class AuditSettingsValidation : IValidateOptions<AuditSettings>
{
    public ValidateOptionsResult Validate(string? name, AuditSettings settings) =>
        settings.RetentionDays is < 1 or > 36500
            ? ValidateOptionsResult.Fail($"Audit:RetentionDays must be from 1 to 36500, not {settings.RetentionDays}.")
            : ValidateOptionsResult.Success;
}
