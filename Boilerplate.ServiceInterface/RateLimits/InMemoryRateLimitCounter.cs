using System.Threading.RateLimiting;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>The counts of SQLite's one host, in its memory; a key's limiter goes when it has been idle a while.</summary>
public sealed class InMemoryRateLimitCounter : IRateLimitCounter, IDisposable
{
    private readonly PartitionedRateLimiter<(string Key, RateLimitBudget Budget)> limiter =
        PartitionedRateLimiter.Create<(string Key, RateLimitBudget Budget), string>(counted => RateLimitPartition.GetFixedWindowLimiter(
            counted.Key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = counted.Budget.PermitLimit, Window = counted.Budget.Window, QueueLimit = 0 }));

    public ValueTask<TimeSpan?> TryCountAsync(string key, RateLimitBudget budget, CancellationToken cancel = default)
    {
        using var lease = limiter.AttemptAcquire((key, budget));
        if (lease.IsAcquired)
            return ValueTask.FromResult<TimeSpan?>(null);
        return ValueTask.FromResult<TimeSpan?>(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : budget.Window);
    }

    public void Dispose() => limiter.Dispose();
}
