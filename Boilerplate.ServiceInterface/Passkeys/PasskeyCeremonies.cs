using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Secrets;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>
/// The options a browser was sent, kept until it answers: a row named by the hash of 256 random
/// bits the client holds, so the answer may reach any host. Good once, for <see cref="Lifetime"/>:
/// a challenge answered twice would let a captured answer be replayed.
/// </summary>
public sealed class PasskeyCeremonies(AppDb db, TimeProvider clock)
{
    public const string Registration = "registration";
    public const string SignIn = "sign_in";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<string> IssueAsync(string kind, long? userId, string options, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = SecretTokens.New();
        if (userId is not null)
            await db.PasskeyCeremonies.Where(c => c.UserId == userId && (c.UsedOn != null || c.ExpiresOn <= now)).DeleteAsync(cancel);
        await db.InsertAsync(new PasskeyCeremonyRecord
        {
            TokenHash = SecretTokens.Hash(id),
            Kind = kind,
            UserId = userId,
            Options = options,
            CreatedOn = now,
            ExpiresOn = now + Lifetime,
        }, token: cancel);
        return id;
    }

    /// <summary>
    /// The ceremony, spent in one conditional write so that of two answers only one gets it; null
    /// when it is unknown, spent, expired, of the other kind or another user's.
    /// </summary>
    public async Task<PasskeyCeremonyRecord?> TakeAsync(string? id, string kind, long? userId, CancellationToken cancel = default)
    {
        var hash = SecretTokens.Hash(id ?? "");
        var now = clock.GetUtcNow().UtcDateTime;
        var ceremony = await db.PasskeyCeremonies.FirstOrDefaultAsync(
            c => c.TokenHash == hash && c.Kind == kind && c.UserId == userId && c.UsedOn == null && c.ExpiresOn > now, cancel);
        if (ceremony is null)
            return null;
        var spent = await db.PasskeyCeremonies.Where(c => c.Id == ceremony.Id && c.UsedOn == null).Set(c => c.UsedOn, now).UpdateAsync(cancel);
        return spent == 1 ? ceremony : null;
    }

    /// <summary>Deletes the ceremonies past their expiry, spent or not.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.PasskeyCeremonies.Where(c => c.ExpiresOn <= now).DeleteAsync(cancel);
    }
}
