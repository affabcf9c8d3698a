using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ServiceStack.Web;
using ServiceStackLite;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>
/// A fixed window per client address and operation, counted in this host's memory (the one host
/// on SQLite; on PostgreSQL <see cref="SharedRateLimiter"/> counts for every host): what a
/// guesser or a spammer would hammer (sign-in, registration, refresh) gets
/// <see cref="RateLimitSettings.PermitLimit"/> tries per window, whichever route it comes by.
/// The address is the connection's, or the one a trusted proxy forwards.
/// </summary>
public sealed class ClientRateLimiter : IRequestRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<IRequest> limiter;

    public ClientRateLimiter(IOptions<RateLimitSettings> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<IRequest, string>(request => RateLimitPartition.GetFixedWindowLimiter(
            RateLimitKey.Of(request),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PermitLimit, Window = settings.Window, QueueLimit = 0 }));
    }

    public ValueTask<TimeSpan?> TryAcquireAsync(IRequest request)
    {
        using var lease = limiter.AttemptAcquire(request);
        if (lease.IsAcquired)
            return ValueTask.FromResult<TimeSpan?>(null);
        return ValueTask.FromResult<TimeSpan?>(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
    }

    public void Dispose() => limiter.Dispose();
}
