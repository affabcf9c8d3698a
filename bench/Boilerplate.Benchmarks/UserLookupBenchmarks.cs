using BenchmarkDotNet.Attributes;
using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.DataProvider.SQLite;

namespace Boilerplate.Benchmarks;

/// <summary>The database half of GET /user/me: one user by public id, on a fresh scoped connection as a request has.</summary>
[MemoryDiagnoser]
public class UserLookupBenchmarks
{
    private string path = "";
    private DataOptions options = null!;
    private string publicId = "";

    [GlobalSetup]
    public async Task Setup()
    {
        path = Path.Combine(Path.GetTempPath(), $"lookup-{Guid.NewGuid():N}.db");
        options = new DataOptions().UseSQLite(DatabaseUrl.ToSqliteConnectionString($"sqlite:{path}", "/"), SQLiteProvider.Microsoft);
        await using var db = new AppDb(options);
        await db.CreateTableAsync<UserRecord>();
        var users = Enumerable.Range(0, 10_000).Select(i => new UserRecord
        {
            PublicId = Guid.NewGuid().ToString(), Email = $"user{i}@bench.example", Username = $"user{i}", PasswordHash = "x", RegisteredOn = DateTime.UtcNow,
        }).ToList();
        await db.BulkCopyAsync(users);
        publicId = users[5000].PublicId;
    }

    private static readonly Func<AppDb, string, CancellationToken, Task<UserRecord?>> Compiled =
        CompiledQuery.Compile((AppDb db, string id, CancellationToken cancel) => db.Users.FirstOrDefaultAsync(u => u.PublicId == id, cancel));

    [Benchmark]
    public async Task<UserRecord?> FindCompiled()
    {
        await using var db = new AppDb(options);
        return await Compiled(db, publicId, default);
    }

    [Benchmark]
    public async Task<UserRecord?> FindLikeSqlNulls()
    {
        await using var db = new AppDb(options.UseCompareNulls(CompareNulls.LikeSql));
        var id = publicId;
        return await db.Users.FirstOrDefaultAsync(u => u.PublicId == id);
    }

    [Benchmark]
    public async Task<UserRecord?> FindWhereToList()
    {
        await using var db = new AppDb(options);
        var id = publicId;
        return (await db.Users.Where(u => u.PublicId == id).ToListAsync()).FirstOrDefault();
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(path);

    [Benchmark]
    public async Task<UserRecord?> FindByPublicId()
    {
        await using var db = new AppDb(options);
        var id = publicId;
        return await db.Users.FirstOrDefaultAsync(u => u.PublicId == id);
    }
}
