using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Secrets;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.AccountEmail;

/// <summary>
/// The single-use tokens mailed to users: 256 random bits, stored only as a SHA-256 hash, each
/// for one kind, one user and the address it went to, until it expires.
/// </summary>
public sealed class EmailTokens(AppDb db, TimeProvider clock)
{
    /// <summary>A new token; the raw value goes into a mail and nowhere else.</summary>
    public async Task<string> IssueAsync(string kind, long userId, string email, TimeSpan lifetime, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = SecretTokens.New();
        await db.InsertAsync(new EmailTokenRecord
        {
            TokenHash = SecretTokens.Hash(token),
            Kind = kind,
            UserId = userId,
            Email = email,
            CreatedOn = now,
            ExpiresOn = now + lifetime,
        }, token: cancel);
        return token;
    }

    /// <summary>The token's row when it is of this kind, unused and unexpired; it stays usable.</summary>
    public Task<EmailTokenRecord?> FindAsync(string token, string kind, CancellationToken cancel = default)
    {
        var hash = SecretTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return db.EmailTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.Kind == kind && t.UsedOn == null && t.ExpiresOn > now, cancel);
    }

    /// <summary>Uses the token up in one conditional write, so of two uses at once only one gets it; null when it is not good.</summary>
    public async Task<EmailTokenRecord?> UseAsync(string token, string kind, CancellationToken cancel = default)
    {
        if (await FindAsync(token, kind, cancel) is not { } found)
            return null;
        var used = await db.EmailTokens.Where(t => t.Id == found.Id && t.UsedOn == null)
            .Set(t => t.UsedOn, clock.GetUtcNow().UtcDateTime).UpdateAsync(cancel);
        return used == 1 ? found : null;
    }

    /// <summary>Deletes the tokens past their expiry, used or not: no link can use them again.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.EmailTokens.Where(t => t.ExpiresOn <= now).DeleteAsync(cancel);
    }

    /// <summary>Voids every unused token of the kind a user holds: a newer one replaces them, or a password change ends them.</summary>
    public Task<int> VoidAsync(long userId, string kind, CancellationToken cancel = default) =>
        db.EmailTokens.Where(t => t.UserId == userId && t.Kind == kind && t.UsedOn == null)
            .Set(t => t.UsedOn, clock.GetUtcNow().UtcDateTime).UpdateAsync(cancel);
}
