using Microsoft.Data.Sqlite;
using Npgsql;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// Reads a database URL:
/// <list type="bullet">
/// <item>SQLite: the seed's SQLAlchemy form <c>sqlite:///relative.db</c> or <c>sqlite:////absolute.db</c>,
/// the short <c>sqlite:path</c>, or a <c>Data Source=…</c> connection string. Relative paths are under
/// the app's content root.</item>
/// <item>PostgreSQL: <c>postgres://user:password@host:port/database?sslmode=require</c> (the seed's
/// style; <c>postgresql://</c> too) or an Npgsql connection string (<c>Host=…;Database=…</c>).</item>
/// </list>
/// </summary>
public static class DatabaseUrl
{
    /// <summary>How long a request waits to reach PostgreSQL before it is answered 503, unless the URL says otherwise.</summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    /// <summary>
    /// Connections one host may hold, unless the URL says otherwise: enough, as each query returns
    /// its connection at once, and small enough that several hosts fit in the server's
    /// max_connections (100 by default). Npgsql's own default is 100 per host.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Statements each connection keeps prepared, unless the URL says otherwise: more than the app has.</summary>
    public const int DefaultMaxAutoPrepare = 50;

    /// <exception cref="FormatException">The URL is missing or cannot be read; the message says why.</exception>
    public static DatabaseTarget Parse(string url, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new FormatException("no database is configured: set DATABASE_URL or Database:Url.");
        url = url.Trim();
        if (url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return PostgreSql(FromUri(url));
        if (url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
            return Sqlite(SqlitePath(url["sqlite:".Length..]), contentRoot);
        if (HasKey(url, "Host") || HasKey(url, "Server"))
            return PostgreSql(ReadConnectionString(() => new NpgsqlConnectionStringBuilder(url)));
        return Sqlite(ReadConnectionString(() => new SqliteConnectionStringBuilder(url)).DataSource, contentRoot);
    }

    private static DatabaseTarget Sqlite(string path, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new FormatException("the SQLite database URL names no file.");
        return new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path, contentRoot),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString());
    }

    // SQLAlchemy: three slashes start a relative path, a fourth makes it absolute.
    private static string SqlitePath(string path) => path.StartsWith("///", StringComparison.Ordinal) ? path[3..] : path;

    private static DatabaseTarget PostgreSql(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new FormatException("the PostgreSQL database URL names no host.");
        if (string.IsNullOrWhiteSpace(builder.Database))
            throw new FormatException("the PostgreSQL database URL names no database.");
        // Npgsql waits 15 s by default; a request should hear "database unavailable" sooner.
        if (!HasKey(builder.ConnectionString, "Timeout"))
            builder.Timeout = DefaultConnectTimeoutSeconds;
        if (!HasKey(builder.ConnectionString, "Maximum Pool Size"))
            builder.MaxPoolSize = DefaultMaxPoolSize;
        // Every request runs the same few statements: prepared once per connection, they skip
        // PostgreSQL's parse and plan (about a fifth more authenticated GETs a second, bench/RESULTS.md).
        if (!HasKey(builder.ConnectionString, "Max Auto Prepare"))
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        // The app leaves no session state on a pooled connection (no SET, no temporary table; the
        // LISTEN connection is not pooled), so the reset on each return to the pool is pure cost.
        if (!HasKey(builder.ConnectionString, "No Reset On Close"))
            builder.NoResetOnClose = true;
        builder.ApplicationName ??= "boilerplate";
        return new(DatabaseProvider.PostgreSql, builder.ConnectionString);
    }

    private static NpgsqlConnectionStringBuilder FromUri(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new FormatException("the PostgreSQL URL must look like postgres://user:password@host:port/database.");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.Port > 0)
            builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        // Query parameters are Npgsql settings, so ?sslmode=require and ?timeout=10 work as in libpq.
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (ArgumentException)
            {
                throw new FormatException($"the PostgreSQL URL has a setting Npgsql does not know: '{key}'.");
            }
        }
        return builder;
    }

    private static T ReadConnectionString<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new FormatException("the database URL is neither a sqlite: or postgres:// URL nor a connection string that can be read.");
        }
    }

    private static bool HasKey(string connectionString, string key) =>
        connectionString.Split(';').Any(part => part.Split('=')[0].Trim().Equals(key, StringComparison.OrdinalIgnoreCase));
}
