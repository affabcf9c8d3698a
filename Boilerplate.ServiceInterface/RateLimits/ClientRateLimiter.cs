using Microsoft.Extensions.Options;
using ServiceStack.Web;
using ServiceStackLite;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>
/// Counts a <c>[RateLimited]</c> request against its client's budget: every operation naming the
/// budget draws on the one count, whichever route it came by. The client is the connection's
/// address, or the one a trusted proxy forwards, an IPv6 one by its /64 (<see cref="RateLimitKey"/>).
/// </summary>
public sealed class ClientRateLimiter(IRateLimitCounter counter, IOptions<RateLimitSettings> settings) : IRequestRateLimiter
{
    public bool HasBudget(string budget) => settings.Value.Find(budget) is not null;

    public ValueTask<TimeSpan?> TryAcquireAsync(IRequest request, string budget) =>
        counter.TryCountAsync(RateLimitKey.ForClient(budget, request.RemoteIp), settings.Value.Find(budget)!);
}
