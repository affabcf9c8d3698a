using System.Diagnostics;
using System.Threading.RateLimiting;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Metrics;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Passwords;

/// <summary>
/// bcrypt at the configured cost, with at most one hash per core at a time and a short queue:
/// past that a <see cref="ServerBusyException"/> (503 with Retry-After), so a flood of sign-ins
/// cannot starve the rest of the API of CPU. The hashes run on <see cref="BcryptWorkers"/>, below the priority of
/// request threads.
/// </summary>
public sealed class PasswordHasher : IDisposable
{
    /// <summary>bcrypt reads at most 72 bytes of a password; longer ones are refused, not cut.</summary>
    public const int MaxPasswordBytes = 72;

    private readonly int workFactor;
    private readonly ConcurrencyLimiter limiter;
    private readonly BcryptWorkers workers;
    private readonly Lazy<string> dummyHash;
    private readonly AppMetrics metrics;

    public PasswordHasher(IOptions<AuthSettings> options, AppMetrics metrics)
    {
        this.metrics = metrics;
        var settings = options.Value;
        workFactor = settings.BcryptWorkFactor;
        var permits = settings.MaxConcurrentHashes > 0 ? settings.MaxConcurrentHashes : Environment.ProcessorCount;
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = settings.HashQueueLimit >= 0 ? settings.HashQueueLimit : permits * AuthSettings.DefaultQueuePerPermit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        workers = new BcryptWorkers(permits);
        metrics.ObserveHashQueue(() => limiter.GetStatistics()?.CurrentQueuedCount ?? 0);
        dummyHash = new Lazy<string>(() => BCrypt.Net.BCrypt.HashPassword("not a password of anyone's", workFactor));
    }

    public Task<string> HashAsync(string password, CancellationToken cancel = default) =>
        RunAsync(() => BCrypt.Net.BCrypt.HashPassword(password, workFactor), cancel);

    /// <summary>
    /// Checks a password; with no hash (an unknown user, or an account made through an external
    /// provider, which has no password) it still does a full bcrypt verify, so a wrong email cannot
    /// be told from a wrong password by the time the answer takes.
    /// </summary>
    public async Task<bool> VerifyAsync(string password, string? hash, CancellationToken cancel = default)
    {
        var known = !string.IsNullOrEmpty(hash);
        var matches = await RunAsync(() => BCrypt.Net.BCrypt.Verify(password, known ? hash : dummyHash.Value), cancel);
        return matches && known;
    }

    /// <summary>True when the hash was made at another cost than the one configured now.</summary>
    public bool NeedsRehash(string hash) => BCrypt.Net.BCrypt.PasswordNeedsRehash(hash, workFactor);

    public void Dispose()
    {
        limiter.Dispose();
        workers.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancel)
    {
        var waiting = Stopwatch.StartNew();
        using var lease = await limiter.AcquireAsync(1, cancel);
        if (!lease.IsAcquired)
            throw new ServerBusyException();
        return await workers.RunAsync(() =>
        {
            metrics.HashWaited(waiting.Elapsed);
            return work();
        });
    }
}
