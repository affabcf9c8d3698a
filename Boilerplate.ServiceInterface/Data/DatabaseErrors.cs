using Microsoft.Data.Sqlite;

namespace Boilerplate.ServiceInterface.Data;

public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;

    /// <summary>True when an insert lost a race against a unique index.</summary>
    public static bool IsUniqueViolation(Exception error) =>
        error is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase);
}
