using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.DataProvider.SQLite;
using Microsoft.Data.Sqlite;

namespace Boilerplate.Bench.Runner;

/// <summary>A fresh SQLite database for one host, filled through the app's own tables rather than its API, so seeding costs no bcrypt.</summary>
public sealed class BenchDatabase(string path)
{
    public string Path { get; } = path;
    public string Url => $"sqlite:{Path}";
    private string ConnectionString => DatabaseUrl.ToSqliteConnectionString(Url, "/");

    public static BenchDatabase Fresh(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
        return new BenchDatabase(path);
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
        await using var db = Open();
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, users);
        return users;
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
        await transaction.CommitAsync();
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
        File.Copy(Path, copy.Path);
        return copy;
    }

    private AppDb Open() => new(new DataOptions().UseSQLite(ConnectionString, SQLiteProvider.Microsoft));
}
