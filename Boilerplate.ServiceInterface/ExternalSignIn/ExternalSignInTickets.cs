using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Secrets;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.ExternalSignIn;

/// <summary>
/// The sign-ins a provider has vouched for, between its callback and the account page that
/// finishes them: in the database, so any host may finish what another began, and each behind a
/// 256-bit ticket that only the browser holds (the <c>ss-ext</c> cookie; the table keeps its hash).
/// </summary>
public sealed class ExternalSignInTickets(AppDb db, TimeProvider clock)
{
    public const string Cookie = "ss-ext";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<string> HoldAsync(VouchedIdentity identity, string? linkUserId, string continuePath, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ticket = SecretTokens.New();
        await db.InsertAsync(new ExternalSignInRecord
        {
            TicketHash = SecretTokens.Hash(ticket),
            Provider = identity.Provider,
            Issuer = identity.Issuer,
            Subject = identity.Subject,
            Email = identity.Email,
            EmailVerified = identity.EmailVerified,
            Name = identity.Name,
            LinkUserId = linkUserId,
            ContinuePath = continuePath,
            ExpiresOn = now + Lifetime,
        }, token: cancel);
        return ticket;
    }

    /// <summary>Deletes the sign-ins nobody finished in time: <see cref="TakeAsync"/> refuses them anyway.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ExternalSignIns.Where(s => s.ExpiresOn <= now).DeleteAsync(cancel);
    }

    /// <summary>The sign-in the ticket stands for, taken out so it is finished once; null when none waits (unknown, taken, or expired).</summary>
    public async Task<ExternalSignInRecord?> TakeAsync(string? ticket, CancellationToken cancel = default)
    {
        if (string.IsNullOrEmpty(ticket))
            return null;
        var hash = SecretTokens.Hash(ticket);
        var held = await db.ExternalSignIns.FirstOrDefaultAsync(s => s.TicketHash == hash, cancel);
        // The delete decides between two requests with the same ticket: one of them deletes the row.
        if (held is null || await db.ExternalSignIns.Where(s => s.Id == held.Id).DeleteAsync(cancel) == 0)
            return null;
        return held.ExpiresOn > clock.GetUtcNow().UtcDateTime ? held : null;
    }
}
