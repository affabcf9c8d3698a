using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Linq;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>
/// Every read and write of <c>mail_outbox</c>. Queuing is an insert on the request's own
/// connection, so inside the caller's transaction the mail commits with the change that causes
/// it, or not at all. Senders claim rows for a while; every later write names the claim, so a
/// sender whose claim has lapsed cannot overwrite another's.
/// </summary>
public sealed class MailOutbox(AppDb db, DatabaseTarget database, MailSignal signal, AppMetrics metrics, TimeProvider clock)
{
    public async Task QueueAsync(string kind, string recipient, long? userId = null, string? detail = null, string? linkBase = null, CancellationToken cancel = default)
    {
        var now = Now;
        await db.InsertAsync(new MailRecord
        {
            MessageId = Guid.NewGuid().ToString(),
            Kind = kind,
            Recipient = recipient,
            UserId = userId,
            Detail = detail,
            LinkBase = linkBase,
            State = MailStates.Pending,
            NextAttemptOn = now,
            CreatedOn = now,
        }, token: cancel);
        metrics.MailQueued(kind);
        signal.Poke();
    }

    /// <summary>
    /// Up to <paramref name="batch"/> rows due now, each claimed for <paramref name="lease"/> and
    /// counted as an attempt. PostgreSQL hands each row to one sender with FOR UPDATE SKIP LOCKED;
    /// SQLite claims each row with a conditional update, which one writer at a time settles.
    /// </summary>
    public async Task<List<MailRecord>> ClaimAsync(string claim, int batch, TimeSpan lease, CancellationToken cancel)
    {
        var now = Now;
        var until = now + lease;
        if (database.IsPostgreSql)
        {
            // The columns are UTC "timestamp without time zone"; Npgsql takes only unspecified-kind values for them.
            var (sqlNow, sqlUntil) = (DateTime.SpecifyKind(now, DateTimeKind.Unspecified), DateTime.SpecifyKind(until, DateTimeKind.Unspecified));
            await using var connection = new DataConnection(db.Options);
            return await connection.QueryToListAsync<MailRecord>("""
                UPDATE mail_outbox SET claim = @claim, claimed_until = @until, attempts = attempts + 1
                WHERE id IN (SELECT id FROM mail_outbox
                             WHERE state = 'pending' AND next_attempt_on <= @now AND (claimed_until IS NULL OR claimed_until < @now)
                             ORDER BY id LIMIT @batch FOR UPDATE SKIP LOCKED)
                RETURNING *
                """, cancel,
                new DataParameter("claim", claim), new DataParameter("until", sqlUntil, DataType.DateTime),
                new DataParameter("now", sqlNow, DataType.DateTime), new DataParameter("batch", batch));
        }

        var due = await Due(now).OrderBy(m => m.Id).Select(m => m.Id).Take(batch).ToListAsync(cancel);
        var claimed = new List<MailRecord>();
        foreach (var id in due)
        {
            var won = await Due(now).Where(m => m.Id == id)
                .Set(m => m.Claim, claim).Set(m => m.ClaimedUntil, until).Set(m => m.Attempts, m => m.Attempts + 1)
                .UpdateAsync(cancel);
            if (won == 1)
                claimed.Add(await db.Mail.FirstAsync(m => m.Id == id, cancel));
        }
        return claimed;
    }

    /// <summary>Drops the user's mail of this kind not sent yet: what caused it no longer stands.</summary>
    public Task<int> CancelAsync(long userId, string kind, CancellationToken cancel) =>
        db.Mail.Where(m => m.UserId == userId && m.Kind == kind && m.State == MailStates.Pending)
            .Set(m => m.State, MailStates.Dropped).Set(m => m.Token, (string?)null).UpdateAsync(cancel);

    /// <summary>True while the mail is still to be sent: nothing has cancelled it since it was claimed.</summary>
    public Task<bool> IsPendingAsync(MailRecord mail, CancellationToken cancel) =>
        db.Mail.AnyAsync(m => m.Id == mail.Id && m.State == MailStates.Pending, cancel);

    /// <summary>True when a mail of the same kind and detail was accepted for the same address within <paramref name="interval"/>.</summary>
    public Task<bool> RecentlyAcceptedAsync(MailRecord mail, TimeSpan interval, CancellationToken cancel)
    {
        var since = Now - interval;
        return db.Mail.AnyAsync(m => m.Id != mail.Id && m.Kind == mail.Kind && m.Detail == mail.Detail && m.Recipient == mail.Recipient
                                     && m.AcceptedOn > since && m.State != MailStates.Dropped, cancel);
    }

    /// <summary>The mail will go out; its token, if it has one, waits here encrypted until then.</summary>
    public Task AcceptAsync(MailRecord mail, string? protectedToken, CancellationToken cancel)
    {
        mail.Token = protectedToken;
        return Claimed(mail).Set(m => m.AcceptedOn, Now).Set(m => m.Token, protectedToken).UpdateAsync(cancel);
    }

    /// <summary>Sent: the token is erased, the body was never stored.</summary>
    public Task SentAsync(MailRecord mail, CancellationToken cancel) =>
        Released(mail).Set(m => m.State, MailStates.Sent).Set(m => m.SentOn, Now).Set(m => m.Token, (string?)null).UpdateAsync(cancel);

    public Task DroppedAsync(MailRecord mail, CancellationToken cancel) =>
        Released(mail).Set(m => m.State, MailStates.Dropped).Set(m => m.Token, (string?)null).UpdateAsync(cancel);

    public Task RetryAsync(MailRecord mail, DateTime at, string error, CancellationToken cancel) =>
        Released(mail).Set(m => m.NextAttemptOn, at).Set(m => m.LastError, Shorten(error)).UpdateAsync(cancel);

    public Task FailedAsync(MailRecord mail, string error, CancellationToken cancel) =>
        Released(mail).Set(m => m.State, MailStates.Failed).Set(m => m.Token, (string?)null).Set(m => m.LastError, Shorten(error)).UpdateAsync(cancel);

    /// <summary>Deletes the rows of mail long done with: sent, dropped or failed before <paramref name="before"/>.</summary>
    public Task<int> PurgeAsync(DateTime before, CancellationToken cancel) =>
        db.Mail.Where(m => m.State != MailStates.Pending && m.CreatedOn < before).DeleteAsync(cancel);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<MailRecord> Due(DateTime now) =>
        db.Mail.Where(m => m.State == MailStates.Pending && m.NextAttemptOn <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    private IUpdatable<MailRecord> Claimed(MailRecord mail) =>
        db.Mail.Where(m => m.Id == mail.Id && m.Claim == mail.Claim).AsUpdatable();

    private IUpdatable<MailRecord> Released(MailRecord mail) =>
        Claimed(mail).Set(m => m.Claim, (string?)null).Set(m => m.ClaimedUntil, (DateTime?)null);

    // The error text is a transport's message (no token ever reaches it), kept short for a column.
    private static string Shorten(string error) => error.Length <= 500 ? error : error[..500];
}
