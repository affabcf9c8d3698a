using Microsoft.Data.Sqlite;

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

/// <summary>
/// Reads a database URL: the seed's SQLAlchemy form <c>sqlite:///relative.db</c> or
/// <c>sqlite:////absolute.db</c>, the short <c>sqlite:path</c>, or a plain
/// <c>Data Source=…</c> connection string. Relative paths are under the app's content root.
/// </summary>
public static class DatabaseUrl
{
    public static string ToSqliteConnectionString(string url, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new FormatException("no database is configured: set DATABASE_URL or Database:Url.");
        url = url.Trim();
        if (url.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || url.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            throw new FormatException("PostgreSQL is not supported by this build yet; use a sqlite: URL.");

        string path;
        if (url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            path = url["sqlite:".Length..];
            // SQLAlchemy: three slashes start a relative path, a fourth makes it absolute.
            if (path.StartsWith("///", StringComparison.Ordinal)) path = path[3..];
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(url);
            path = builder.DataSource;
        }
        if (string.IsNullOrWhiteSpace(path))
            throw new FormatException($"the database URL '{url}' names no file.");

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path, contentRoot),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }
}
