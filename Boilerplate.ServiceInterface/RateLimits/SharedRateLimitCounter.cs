using LinqToDB;
using LinqToDB.Data;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>
/// The counts in PostgreSQL's <c>rate_limit_counts</c>, so every host behind a load balancer draws
/// on one budget. One statement per counted request, on the database's own clock, so the hosts'
/// clocks never disagree.
/// </summary>
public sealed class SharedRateLimitCounter(DataOptions database, IOptions<RateLimitSettings> settings) : IRateLimitCounter
{
    // The window restarts when its start has passed; either way the row says where this request stands.
    private const string Count = """
        INSERT INTO rate_limit_counts AS c (key, window_start, count) VALUES (@key, LOCALTIMESTAMP, 1)
        ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN c.window_start <= LOCALTIMESTAMP - make_interval(secs => @window) THEN 1 ELSE c.count + 1 END,
            window_start = CASE WHEN c.window_start <= LOCALTIMESTAMP - make_interval(secs => @window) THEN LOCALTIMESTAMP ELSE c.window_start END
        RETURNING count, extract(epoch FROM c.window_start + make_interval(secs => @window) - LOCALTIMESTAMP)
        """;

    private const string Purge = "DELETE FROM rate_limit_counts WHERE window_start <= LOCALTIMESTAMP - make_interval(secs => @window)";

    public async ValueTask<TimeSpan?> TryCountAsync(string key, RateLimitBudget budget, CancellationToken cancel = default)
    {
        await using var connection = new DataConnection(database);
        var (count, secondsLeft) = (await connection.QueryToListAsync(
            reader => (reader.GetInt32(0), reader.GetDouble(1)), Count, cancel,
            new DataParameter("key", key, DataType.VarChar), new DataParameter("window", budget.Window.TotalSeconds, DataType.Double))).Single();
        return count <= budget.PermitLimit ? null : TimeSpan.FromSeconds(Math.Max(secondsLeft, 1));
    }

    /// <summary>Deletes the rows whose window is over whatever their budget; a client that comes back starts a new one anyway.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancel)
    {
        var longest = settings.Value.Budgets().Max(b => b.Budget.Window);
        await using var connection = new DataConnection(database);
        return await connection.ExecuteAsync(Purge, cancel, new DataParameter("window", longest.TotalSeconds, DataType.Double));
    }
}
