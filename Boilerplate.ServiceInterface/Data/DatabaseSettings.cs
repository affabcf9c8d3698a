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
