using ServiceStack.Web;

namespace ServiceStackLite;

/// <summary>
/// ServiceStackLite's own: counts the requests of the operations marked <c>[RateLimited]</c>. The
/// app registers one; the dispatcher asks it before the guard runs and answers 429 when it says wait.
/// </summary>
public interface IRequestRateLimiter
{
    /// <summary>Whether <paramref name="budget"/> is one this limiter counts; asked for every limited operation at start-up.</summary>
    bool HasBudget(string budget);

    /// <summary>Counts the request against its client's <paramref name="budget"/>: null when it may go on; otherwise how long its client should wait.</summary>
    ValueTask<TimeSpan?> TryAcquireAsync(IRequest request, string budget);
}
