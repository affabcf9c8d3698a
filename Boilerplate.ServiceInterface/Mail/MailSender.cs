using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>
/// Every host's sender: claims due mail from the outbox, has its composer say what it is, sends
/// it and marks it sent; a failed attempt waits longer each time and, after the last, is marked
/// failed. A mail the SMTP server took but whose row was not marked (the host died between) is
/// sent again with the same Message-ID. Looks at the outbox every second, and at once when a mail
/// is queued on this host.
/// </summary>
public sealed partial class MailSender(
    IServiceScopeFactory scopes, MailSignal signal, MailTemplates templates, MailTransport transport, AppMetrics metrics,
    IOptions<EmailSettings> options, IHostEnvironment environment, TimeProvider clock, ILogger<MailSender> log) : BackgroundService
{
    private const int Batch = 20;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeepDone = TimeSpan.FromDays(7);
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    private readonly string claim = Guid.NewGuid().ToString("N");
    private readonly EmailSettings settings = options.Value;
    private DateTimeOffset lastPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(stoppingToken);
                await PurgeNowAndThenAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The outbox is out of reach (the database is down): the mail waits, and so do we.
                LogOutboxUnavailable(e);
            }
            if (sent < Batch)
                await signal.WaitAsync(Poll, stoppingToken);
        }
    }

    /// <summary>One batch: how many rows it claimed.</summary>
    private async Task<int> SendDueAsync(CancellationToken stop)
    {
        using var scope = scopes.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var composer = scope.ServiceProvider.GetRequiredService<IMailComposer>();
        var due = await outbox.ClaimAsync(claim, Batch, settings.ClaimLease, stop);
        if (due.Count == 0)
            return 0;

        await using var session = transport.Open();
        foreach (var mail in due)
        {
            try
            {
                if (await composer.ComposeAsync(mail, stop) is not { } composed)
                {
                    await outbox.DroppedAsync(mail, stop);
                    continue;
                }
                await session.SendAsync(templates.Render(composed, mail.Recipient, mail.MessageId), stop);
                await outbox.SentAsync(mail, stop);
                metrics.MailSent(mail.Kind);
                if (environment.IsDevelopment())
                    LogDevelopmentLink(mail.Kind, mail.Recipient, composed.Link ?? "(no link)");
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                await FailedAttemptAsync(outbox, mail, e, stop);
            }
        }
        return due.Count;
    }

    private async Task FailedAttemptAsync(MailOutbox outbox, MailRecord mail, Exception error, CancellationToken stop)
    {
        metrics.MailFailed(mail.Kind);
        var reason = $"{error.GetType().Name}: {error.Message}";
        if (mail.Attempts >= settings.MaxAttempts)
        {
            await outbox.FailedAsync(mail, reason, stop);
            LogGaveUp(mail.Kind, mail.Id, mail.Attempts, reason);
            return;
        }
        var wait = TimeSpan.FromTicks(Math.Min(settings.RetryDelay.Ticks * (1L << Math.Min(mail.Attempts - 1, 30)), settings.MaxRetryDelay.Ticks));
        await outbox.RetryAsync(mail, clock.GetUtcNow().UtcDateTime + wait, reason, stop);
        LogRetrying(mail.Kind, mail.Id, mail.Attempts, wait, reason);
    }

    private async Task PurgeNowAndThenAsync(CancellationToken stop)
    {
        var now = clock.GetUtcNow();
        if (now - lastPurge < PurgeEvery)
            return;
        lastPurge = now;
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MailOutbox>().PurgeAsync((now - KeepDone).UtcDateTime, stop);
    }

    [LoggerMessage(LogLevel.Information, "Development: mail {Kind} to {Recipient}: {Link}")]
    private partial void LogDevelopmentLink(string kind, string recipient, string link);

    [LoggerMessage(LogLevel.Warning, "Mail {Kind} #{Id} failed (attempt {Attempt}); trying again in {Wait}: {Reason}")]
    private partial void LogRetrying(string kind, long id, int attempt, TimeSpan wait, string reason);

    [LoggerMessage(LogLevel.Error, "Mail {Kind} #{Id} failed {Attempts} times and will not be sent: {Reason}")]
    private partial void LogGaveUp(string kind, long id, int attempts, string reason);

    [LoggerMessage(LogLevel.Warning, "The mail outbox cannot be read; mail waits")]
    private partial void LogOutboxUnavailable(Exception error);
}
