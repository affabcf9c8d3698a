using LinqToDB;
using LinqToDB.DataProvider.PostgreSQL;
using LinqToDB.DataProvider.SQLite;

namespace Boilerplate.ServiceInterface.Data;

public enum DatabaseProvider
{
    /// <summary>One file beside the service: the embedded default for one machine.</summary>
    Sqlite,

    /// <summary>A server several hosts can share.</summary>
    PostgreSql,
}

/// <summary>The database the service talks to, read from <see cref="DatabaseSettings.Url"/> by <see cref="DatabaseUrl"/>.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    public DataOptions ToDataOptions() => IsPostgreSql
        // The oldest server we support; naming it spares a version probe on the first connection.
        ? new DataOptions().UsePostgreSQL(ConnectionString, PostgreSQLVersion.v13)
        : new DataOptions().UseSQLite(ConnectionString, SQLiteProvider.Microsoft);
}
