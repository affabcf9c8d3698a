using System.Collections.Concurrent;
using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// The token ids revoked by logout, kept in memory so checking a token costs no database round
/// trip. The <c>blacklist_tokens</c> table is the source of truth: it is loaded at start and
/// written before memory on every logout; other hosts hear of it through <see cref="RevocationSync"/>.
/// </summary>
public sealed class RevokedTokens(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, DateTime> expiriesById = new();

    public int Count => expiriesById.Count;

    public bool IsRevoked(Guid tokenId) => expiriesById.ContainsKey(tokenId);

    public async Task RevokeAsync(AppDb db, Guid tokenId, DateTime expiresOn, CancellationToken cancel = default)
    {
        try
        {
            await db.InsertAsync(new RevokedTokenRecord
            {
                Jti = tokenId.ToString("N"),
                ExpiresOn = expiresOn,
                BlacklistedOn = clock.GetUtcNow().UtcDateTime,
            }, token: cancel);
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A concurrent logout of the same token already wrote the row.
        }
        Remember(tokenId, expiresOn);
    }

    /// <summary>Records a revocation already in the table, e.g. one another host made.</summary>
    public void Remember(Guid tokenId, DateTime expiresOn) => expiriesById[tokenId] = expiresOn;

    public async Task LoadAsync(AppDb db, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.RevokedTokens.Where(r => r.ExpiresOn > now).Select(r => new { r.Jti, r.ExpiresOn }).ToListAsync(cancel);
        foreach (var row in rows)
        {
            if (Guid.TryParseExact(row.Jti, "N", out var id))
                expiriesById[id] = row.ExpiresOn;
        }
    }

    /// <summary>Forgets tokens that have expired anyway, in memory and in the table.</summary>
    public async Task<int> PurgeExpiredAsync(AppDb db, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, expires) in expiriesById)
        {
            if (expires <= now)
                expiriesById.TryRemove(id, out _);
        }
        return await db.RevokedTokens.Where(r => r.ExpiresOn <= now).DeleteAsync(cancel);
    }
}
