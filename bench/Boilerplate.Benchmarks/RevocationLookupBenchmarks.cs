using BenchmarkDotNet.Attributes;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Revocation;
using LinqToDB;
using LinqToDB.Data;

namespace Boilerplate.Benchmarks;

/// <summary>The revocation check every authenticated request makes, with none and with a million ids revoked.</summary>
[MemoryDiagnoser]
public class RevocationLookupBenchmarks
{
    private readonly RevokedTokens revoked = new(TimeProvider.System);
    private Guid knownId;
    private readonly Guid unknownId = Guid.NewGuid();
    private string path = "";

    [Params(0, 1_000_000)]
    public int Revoked { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        // Loaded the way the host loads them: from the table, at start. A file, as each query of
        // AppDb opens a connection of its own and an in-memory database lives only as long as one.
        path = Path.Combine(Path.GetTempPath(), $"revoked-{Guid.NewGuid():N}.db");
        await using var db = new AppDb(DatabaseUrl.Parse($"sqlite:{path}", "/").ToDataOptions());
        await db.CreateTableAsync<RevokedTokenRecord>();
        var expires = DateTime.UtcNow.AddDays(1);
        var ids = Enumerable.Range(0, Revoked).Select(_ => Guid.NewGuid()).ToList();
        knownId = ids.Count > 0 ? ids[^1] : Guid.NewGuid();
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows },
            ids.Select(id => new RevokedTokenRecord { Jti = id.ToString("N"), ExpiresOn = expires, BlacklistedOn = DateTime.UtcNow }));
        await revoked.LoadAsync(db);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    [Benchmark(Baseline = true)]
    public bool NotRevoked() => revoked.IsRevoked(unknownId);

    [Benchmark]
    public bool Revoked_() => revoked.IsRevoked(knownId);
}
