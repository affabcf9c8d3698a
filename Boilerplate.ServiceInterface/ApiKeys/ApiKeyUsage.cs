using System.Collections.Concurrent;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Boilerplate.ServiceInterface.ApiKeys;

/// <summary>
/// Each key's <c>lastUsedDate</c>, written coalesced: a request only compares two numbers, a key in
/// use is noted at most once per <see cref="Resolution"/>, and what was noted is written in one batch
/// per <see cref="Resolution"/> (and when the host stops). So a key used a thousand times a second
/// costs its row one write a minute.
/// </summary>
public sealed partial class ApiKeyUsage(DataOptions database, TimeProvider clock, ILogger<ApiKeyUsage> log) : BackgroundService
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private ConcurrentDictionary<string, DateTime> pending = new();

    /// <summary>A use of <paramref name="key"/> now.</summary>
    public void Note(CachedApiKey key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var last = Interlocked.Read(ref key.LastNotedTicks);
        if (now.Ticks - last < Resolution.Ticks || Interlocked.CompareExchange(ref key.LastNotedTicks, now.Ticks, last) != last)
            return;
        pending[key.Id] = now;
    }

    /// <summary>The use this host noted and has not written yet, to show beside the row's.</summary>
    public DateTime? Unwritten(string keyId) => pending.TryGetValue(keyId, out var at) ? at : null;

    /// <summary>Writes what was noted; a key cancelled meanwhile has no row, and is left so.</summary>
    public async Task WriteAsync(CancellationToken cancel = default)
    {
        if (pending.IsEmpty)
            return;
        var noted = Interlocked.Exchange(ref pending, new ConcurrentDictionary<string, DateTime>());
        await using var connection = new DataConnection(database);
        foreach (var (id, at) in noted)
        {
            var stored = DateTime.SpecifyKind(at, DateTimeKind.Unspecified);
            await connection.ExecuteAsync(
                "UPDATE api_keys SET last_used_on = @at WHERE public_id = @id AND (last_used_on IS NULL OR last_used_on < @at)",
                cancel, new DataParameter("at", stored, DataType.DateTime), new DataParameter("id", id));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Resolution, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await WriteSafelyAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteSafelyAsync(cancellationToken);
    }

    private async Task WriteSafelyAsync(CancellationToken cancel)
    {
        try
        {
            await WriteAsync(cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A date to the minute, not worth a retry queue: the key's next use notes it again.
            LogNotWritten(e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not write when API keys were last used")]
    private partial void LogNotWritten(Exception error);
}
