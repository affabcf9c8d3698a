using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Data;

public static class DatabaseErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    /// <summary>True when an insert lost a race against a unique index.</summary>
    public static bool IsUniqueViolation(Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite => sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// True when the database could not be reached or is too busy to answer: a state that passes,
    /// so the caller should hear 503 and try again, not 500.
    /// </summary>
    public static bool IsUnavailable(Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => true,
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        _ => error.InnerException is { } inner && IsUnavailable(inner),
    };

    /// <summary>The answer to a request that needed the database while it was out of reach.</summary>
    public static HttpError? ToServiceUnavailable(Exception error) => IsUnavailable(error)
        ? new HttpError(503, "DatabaseUnavailable", "The database is unavailable. Please try again shortly.") { Headers = { ["Retry-After"] = "5" } }
        : null;
}
