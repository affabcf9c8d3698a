using ServiceStack.Web;

namespace ServiceStackLite;

/// <summary>
/// ServiceStackLite's own: counts the requests of the operations marked <c>[RateLimited]</c>. The
/// app registers one; the dispatcher asks it before the guard runs and answers 429 when it says wait.
/// </summary>
public interface IRequestRateLimiter
{
    /// <summary>Null when the request may go on; otherwise how long its client should wait.</summary>
    ValueTask<TimeSpan?> TryAcquireAsync(IRequest request);
}
