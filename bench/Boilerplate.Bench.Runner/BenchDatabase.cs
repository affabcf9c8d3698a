using Boilerplate.ServiceInterface.ApiKeys;
using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Boilerplate.Bench.Runner;

/// <summary>
/// A fresh database for one host, SQLite or PostgreSQL, filled through the app's own tables
/// rather than its API, so seeding costs no bcrypt.
/// </summary>
public sealed class BenchDatabase
{
    private readonly string? sqlitePath;
    private readonly string? postgresServer;

    private BenchDatabase(string url, string? sqlitePath, string? postgresServer)
    {
        Url = url;
        this.sqlitePath = sqlitePath;
        this.postgresServer = postgresServer;
    }

    /// <summary>What the host is given as DATABASE_URL.</summary>
    public string Url { get; }

    public DatabaseTarget Target => DatabaseUrl.Parse(Url, "/");

    private string ConnectionString => Target.ConnectionString;

    public static BenchDatabase Fresh(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
        return new BenchDatabase($"sqlite:{path}", path, null);
    }

    /// <summary>A new database on the server the connection string names, dropped by <see cref="DropAsync"/>.</summary>
    public static async Task<BenchDatabase> FreshPostgresAsync(string server, string purpose)
    {
        var name = $"boilerplate_bench_{purpose}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new BenchDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, server);
    }

    public async Task DropAsync()
    {
        if (postgresServer is null)
            return;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(postgresServer, $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(Url).Database} WITH (FORCE)");
    }

    /// <summary>Users user0…user{n-1} with one shared password hash; user0 is the admin.</summary>
    public async Task<List<UserRecord>> SeedUsersAsync(int count, string passwordHash)
    {
        var now = DateTime.UtcNow;
        var users = Enumerable.Range(0, count).Select(i => new UserRecord
        {
            PublicId = Guid.NewGuid().ToString(),
            Email = $"user{i}@bench.example",
            Username = $"user{i}",
            PasswordHash = passwordHash,
            Admin = i == 0,
            RegisteredOn = now,
        }).ToList();
        await SeedUsersAsync(users);
        return users;
    }

    /// <summary>The same users again, e.g. on a second database, so the same tokens work on both.</summary>
    public async Task SeedUsersAsync(IReadOnlyList<UserRecord> users)
    {
        await using var db = Open();
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, users);
    }

    /// <summary>The run's signing key, so the host signs and verifies with the key the run's tokens name.</summary>
    public async Task SeedSigningKeyAsync(SigningKeyRecord key)
    {
        await using var db = Open();
        await db.InsertAsync(key);
    }

    /// <summary>An API key for each of the first <paramref name="count"/> users, as <c>POST /apikeys</c> stores one: answers each user's public id and key.</summary>
    public async Task<List<(string PublicId, string Key)>> SeedApiKeysAsync(int count)
    {
        await using var db = Open();
        var owners = await db.Users.OrderBy(u => u.Id).Take(count).Select(u => new { u.Id, u.PublicId }).ToListAsync();
        var now = DateTime.UtcNow;
        var keys = owners.Select(owner => (owner.Id, owner.PublicId, Key: ApiKeySecrets.New())).ToList();
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, keys.Select(k => new ApiKeyRecord
        {
            PublicId = Guid.NewGuid().ToString(),
            UserId = k.Id,
            Name = "bench",
            KeyHash = ApiKeySecrets.Hash(k.Key),
            VisibleKey = ApiKeySecrets.Visible(k.Key),
            Scopes = "",
            CreatedOn = now,
        }));
        return keys.ConvertAll(k => (k.PublicId, k.Key));
    }

    /// <summary>Revoked token ids that expire long after the run, as logouts would leave them.</summary>
    public async Task SeedRevokedAsync(int count)
    {
        var now = DateTime.UtcNow;
        var rows = Enumerable.Range(0, count).Select(_ => new RevokedTokenRecord
        {
            Jti = Guid.NewGuid().ToString("N"),
            ExpiresOn = now.AddDays(1),
            BlacklistedOn = now,
        });
        await using var db = Open();
        await using var transaction = await db.BeginTransactionAsync();
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows, MaxBatchSize = 5000 }, rows);
        await transaction.CommitTransactionAsync();
    }

    /// <summary>A copy with every write folded in, for a second host that must not share the file.</summary>
    public BenchDatabase CopyTo(string path)
    {
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var copy = Fresh(path);
        File.Copy(sqlitePath!, path);
        return copy;
    }

    private AppDb Open() => new(DatabaseUrl.Parse(Url, "/").ToDataOptions());

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
