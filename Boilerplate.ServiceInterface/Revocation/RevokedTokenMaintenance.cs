using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.ExternalSignIn;
using Boilerplate.ServiceInterface.Passkeys;
using Boilerplate.ServiceInterface.Sessions;
using Boilerplate.ServiceInterface.SignIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Revocation;

/// <summary>
/// Loads the revoked tokens and the users' security stamps before the first request and keeps
/// them in step with other hosts (<see cref="RevocationSync"/>), and on a timer deletes what can
/// never be used again: expired revoked ids, refresh tokens, sessions, mailed tokens, sign-in
/// challenges, passkey ceremonies and audit rows past their retention, so no table grows with every sign-in for ever.
/// </summary>
public sealed partial class RevokedTokenMaintenance(
    IServiceScopeFactory scopes, RevocationSync sync, RevokedTokens revoked, EndedSessions endedSessions, IOptions<AuthSettings> settings,
    IOptions<AuditSettings> audit, TimeProvider clock, ILogger<RevokedTokenMaintenance> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await sync.StartAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sync.FollowAsync(stoppingToken), PurgeAsync(stoppingToken));

    private async Task PurgeAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.RevokedTokenPurgeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var services = scope.ServiceProvider;
                var purged = await revoked.PurgeExpiredAsync(services.GetRequiredService<AppDb>(), stoppingToken) + endedSessions.Purge()
                             + await services.GetRequiredService<SessionStore>().PurgeAsync(stoppingToken)
                             + await services.GetRequiredService<EmailTokens>().PurgeExpiredAsync(stoppingToken)
                             + await services.GetRequiredService<MfaChallenges>().PurgeExpiredAsync(stoppingToken)
                             + await services.GetRequiredService<PasskeyCeremonies>().PurgeExpiredAsync(stoppingToken)
                             + await services.GetRequiredService<ExternalSignInTickets>().PurgeExpiredAsync(stoppingToken)
                             + await services.GetRequiredService<AuditTrail>().PurgeAsync(audit.Value.Retention, stoppingToken);
                LogPurged(purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a failed purge only leaves rows that do no harm.
                LogPurgeFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Purged {Count} expired revoked tokens, sessions, refresh tokens, mailed tokens, sign-in challenges, passkey ceremonies and audit rows")]
    private partial void LogPurged(int count);

    [LoggerMessage(LogLevel.Warning, "Purging expired tokens and sessions failed")]
    private partial void LogPurgeFailed(Exception error);
}
