using LinqToDB;
using LinqToDB.Data;
using Microsoft.Extensions.Options;
using ServiceStack.Web;
using ServiceStackLite;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>
/// A fixed window per client address and operation, counted in PostgreSQL's
/// <c>rate_limit_counts</c>, so every host behind a load balancer draws on one budget. One
/// statement per limited request, on the database's own clock, so the hosts' clocks never disagree.
/// </summary>
public sealed class SharedRateLimiter(DataOptions database, IOptions<RateLimitSettings> options) : IRequestRateLimiter
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

    private readonly RateLimitSettings settings = options.Value;

    public async ValueTask<TimeSpan?> TryAcquireAsync(IRequest request)
    {
        await using var connection = new DataConnection(database);
        var window = new DataParameter("window", settings.Window.TotalSeconds, DataType.Double);
        var (count, secondsLeft) = (await connection.QueryToListAsync(
            reader => (reader.GetInt32(0), reader.GetDouble(1)), Count,
            new DataParameter("key", RateLimitKey.Of(request), DataType.VarChar), window)).Single();
        return count <= settings.PermitLimit ? null : TimeSpan.FromSeconds(Math.Max(secondsLeft, 1));
    }

    /// <summary>Deletes the rows of windows that are over; a client that comes back starts a new one anyway.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancel)
    {
        await using var connection = new DataConnection(database);
        return await connection.ExecuteAsync(Purge, cancel, new DataParameter("window", settings.Window.TotalSeconds, DataType.Double));
    }
}
