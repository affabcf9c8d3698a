using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>
/// Caps the requests that mail one address, whichever clients send them
/// (<see cref="RateLimitSettings.MailPerRecipient"/>): counted before anything is looked up, so
/// the cap says nothing about whether an account has the address.
/// </summary>
public sealed class RecipientRateLimiter(IRateLimitCounter counter, IOptions<RateLimitSettings> settings)
{
    public async Task CountAsync(string normalizedEmail, CancellationToken cancel)
    {
        if (await counter.TryCountAsync(RateLimitKey.ForRecipient(normalizedEmail), settings.Value.MailPerRecipient, cancel) is { } wait)
            throw new RecipientRateLimitedException(wait);
    }
}

public sealed class RecipientRateLimitedException(TimeSpan wait)
    : Exception($"Too many mails were asked for this address: try again in {Seconds(wait)} seconds.")
{
    public int RetryAfterSeconds { get; } = Seconds(wait);

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
