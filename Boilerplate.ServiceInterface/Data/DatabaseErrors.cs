using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

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

    /// <summary>
    /// True when PostgreSQL refused a text value it cannot hold, such as one with a NUL character
    /// (SQLite stores it): the request's fault, so 400, whichever field it came through.
    /// </summary>
    public static bool IsUnstorableText(Exception error) => error switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter,
        _ => error.InnerException is { } inner && IsUnstorableText(inner),
    };
}
