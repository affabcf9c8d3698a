using Boilerplate.ServiceInterface.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// Loads the revoked tokens and the users' security stamps before the first request, then purges
/// revoked tokens that have expired anyway on a timer.
/// </summary>
public sealed partial class RevokedTokenMaintenance(
    IServiceScopeFactory scopes, RevokedTokens revoked, SecurityStamps stamps, IOptions<AuthSettings> settings,
    TimeProvider clock, ILogger<RevokedTokenMaintenance> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await revoked.LoadAsync(db, cancellationToken);
            await stamps.LoadAsync(db, cancellationToken);
        }
        LogLoaded(revoked.Count);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.RevokedTokenPurgeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var purged = await revoked.PurgeExpiredAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), stoppingToken);
                LogPurged(purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a failed purge only leaves rows that do no harm.
                LogPurgeFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Loaded {Count} revoked tokens")]
    private partial void LogLoaded(int count);

    [LoggerMessage(LogLevel.Debug, "Purged {Count} expired revoked tokens")]
    private partial void LogPurged(int count);

    [LoggerMessage(LogLevel.Warning, "Purging expired revoked tokens failed")]
    private partial void LogPurgeFailed(Exception error);
}
