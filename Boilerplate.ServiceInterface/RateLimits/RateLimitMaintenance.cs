using Boilerplate.ServiceInterface.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>
/// On PostgreSQL, now and then deletes the shared counts of windows that are over, so the table
/// stays the size of the current traffic. SQLite's counts live in memory and go by themselves.
/// </summary>
public sealed partial class RateLimitMaintenance(
    DatabaseTarget database, SharedRateLimitCounter counts, TimeProvider clock, ILogger<RateLimitMaintenance> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgreSql)
            return;
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                LogPurged(await counts.PurgeAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a count left behind restarts its window when next used.
                LogPurgeFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Purged {Count} rate-limit counts of past windows")]
    private partial void LogPurged(int count);

    [LoggerMessage(LogLevel.Warning, "Purging rate-limit counts failed")]
    private partial void LogPurgeFailed(Exception error);
}
