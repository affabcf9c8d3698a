namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>Counts requests per key in fixed windows: in memory on SQLite's one host, in the database every host shares on PostgreSQL.</summary>
public interface IRateLimitCounter
{
    /// <summary>Counts one request on <paramref name="key"/>: null while within <paramref name="budget"/>; otherwise how long until its window is over.</summary>
    ValueTask<TimeSpan?> TryCountAsync(string key, RateLimitBudget budget, CancellationToken cancel = default);
}
