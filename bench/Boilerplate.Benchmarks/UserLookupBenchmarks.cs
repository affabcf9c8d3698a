using BenchmarkDotNet.Attributes;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Microsoft.Data.Sqlite;

namespace Boilerplate.Benchmarks;

/// <summary>The database half of GET /user/me: one user by public id out of 10,000, on SQLite.</summary>
[MemoryDiagnoser]
public class UserLookupBenchmarks
{
    private const string Sql = "SELECT * FROM \"user\" WHERE public_id = @publicId";
    private string path = "";
    private DataOptions options = null!;
    private string publicId = "";
    private DataConnection kept = null!;
    private readonly UserCache cache = new();
    private UserStates states = null!;
    private SqliteConnection open = null!;
    private SqliteCommand prepared = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        path = Path.Combine(Path.GetTempPath(), $"lookup-{Guid.NewGuid():N}.db");
        options = DatabaseUrl.Parse($"sqlite:{path}", "/").ToDataOptions();
        await using (var db = new AppDb(options))
        {
            await db.CreateTableAsync<UserRecord>();
            // As migration 1 makes it.
            await db.ExecuteAsync("CREATE UNIQUE INDEX ux_user_public_id ON \"user\" (public_id)");
            var users = Enumerable.Range(0, 10_000).Select(i => new UserRecord
            {
                PublicId = Guid.NewGuid().ToString(), Email = $"user{i}@bench.example", Username = $"user{i}", PasswordHash = "x", RegisteredOn = DateTime.UtcNow,
            }).ToList();
            await db.BulkCopyAsync(users);
            publicId = users[5000].PublicId;
        }
        states = new UserStates(options, cache, new RoleCatalog(cache));
        kept = new DataConnection(options);
        open = new SqliteConnection(DatabaseUrl.Parse($"sqlite:{path}", "/").ConnectionString);
        open.Open();
        prepared = open.CreateCommand();
        prepared.CommandText = Sql;
        prepared.Parameters.Add("@publicId", SqliteType.Text);
        prepared.Prepare();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        kept.Dispose();
        prepared.Dispose();
        open.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    [Benchmark(Baseline = true)]
    public async Task<UserRecord?> Linq()
    {
        await using var db = new AppDb(options);
        var id = publicId;
        return await db.Users.FirstOrDefaultAsync(u => u.PublicId == id);
    }

    /// <summary>What the host does when the user is not in its cache: raw SQL on a connection from the pool.</summary>
    [Benchmark]
    public async Task<UserRecord?> SqlOnPooledConnection() => await new UserStore(new AppDb(options), cache, states).FindByPublicIdAsync(publicId);

    /// <summary>What GET /user/me does while the user is in the cache.</summary>
    [Benchmark]
    public async Task<User?> Cached() => await new UserStore(new AppDb(options), cache, states).FindShownAsync(publicId);

    /// <summary>What every authenticated request pays to judge its user while they are in the cache.</summary>
    [Benchmark]
    public async Task<CachedUser> CachedState() => await states.FindAsync(publicId);

    [Benchmark]
    public async Task<UserRecord?> SqlOnKeptDataConnection() =>
        (await kept.QueryToListAsync<UserRecord>(Sql, new DataParameter("publicId", publicId))).FirstOrDefault();

    [Benchmark]
    public async Task<string?> PreparedSqliteCommand()
    {
        prepared.Parameters[0].Value = publicId;
        await using var reader = await prepared.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetString(reader.GetOrdinal("email")) : null;
    }
}
