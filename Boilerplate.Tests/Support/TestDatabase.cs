using Microsoft.Data.Sqlite;
using Npgsql;

namespace Boilerplate.Tests.Support;

public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// A fresh, empty database for one test or fixture, dropped afterwards: a SQLite file, or a
/// database of its own on the PostgreSQL server named by <see cref="ServerVariable"/>.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>A connection string for a role that may create databases; .ci/run sets it.</summary>
    public const string ServerVariable = "BOILERPLATE_TEST_POSTGRES";

    /// <summary>Every database a database-facing fixture runs on; see <see cref="OnEachDatabaseAttribute"/>.</summary>
    public static readonly DatabaseKind[] Kinds = [DatabaseKind.Sqlite, DatabaseKind.PostgreSql];

    public abstract DatabaseKind Kind { get; }

    /// <summary>What the host is given as <c>DATABASE_URL</c> / <c>Database:Url</c>.</summary>
    public abstract string Url { get; }

    /// <summary>A new database; without a PostgreSQL server configured, the calling test or fixture is skipped, saying why.</summary>
    public static TestDatabase Create(DatabaseKind kind) => kind switch
    {
        DatabaseKind.PostgreSql => new PostgreSqlTestDatabase(ServerConnectionString()),
        _ => new SqliteTestDatabase(),
    };

    public static string ServerConnectionString()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
            Assert.Ignore($"PostgreSQL runs need a server: apt-get install postgresql, and make test starts one of its own (or set {ServerVariable} to a role that may create databases).");
        return server!;
    }

    public abstract void Dispose();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    public SqliteTestDatabase(string? path = null) => Path = path ?? NewPath();

    public string Path { get; }

    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    public override string Url => "sqlite:" + Path;

    public static string NewPath() =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ssboilerplate-tests", $"{Guid.NewGuid():N}.db");

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
    }
}

public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private readonly string server;
    private readonly string name = $"boilerplate_test_{Guid.NewGuid():N}";

    public PostgreSqlTestDatabase(string server)
    {
        this.server = server;
        Execute($"CREATE DATABASE {name}");
        Url = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public override DatabaseKind Kind => DatabaseKind.PostgreSql;

    public override string Url { get; }

    public override void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>Runs a fixture once per database; its constructor takes the <see cref="DatabaseKind"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OnEachDatabaseAttribute() : TestFixtureSourceAttribute(typeof(TestDatabase), nameof(TestDatabase.Kinds));
