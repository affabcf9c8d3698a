using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseSettings
{
    public const string Section = "Database";

    /// <summary>Where the data lives; <c>DATABASE_URL</c> overrides it. See <see cref="DatabaseUrl"/>.</summary>
    public string Url { get; set; } = "";

    /// <summary>Apply pending migrations when the service starts (dev and test do; production only when told).</summary>
    public bool MigrateOnStart { get; set; }
}

/// <summary>A database URL that cannot be read stops the start, saying why.</summary>
public sealed class DatabaseSettingsValidation(IHostEnvironment environment) : IValidateOptions<DatabaseSettings>
{
    public ValidateOptionsResult Validate(string? name, DatabaseSettings settings)
    {
        try
        {
            DatabaseUrl.Parse(settings.Url, environment.ContentRootPath);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
