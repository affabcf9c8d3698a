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
/// <remarks>
/// Ids loaded at start (there may be a million) sit in a plain dictionary of structs, about 40
/// bytes each, that is never written once published; a purge builds a new one. Logouts since then
/// go to a small concurrent dictionary. Readers take no lock on either.
/// </remarks>
public sealed class RevokedTokens(TimeProvider clock)
{
    private volatile Dictionary<Guid, DateTime> settled = [];
    private readonly ConcurrentDictionary<Guid, DateTime> recent = new();
    private readonly Lock rebuilding = new();

    public int Count => settled.Count + recent.Count;

    public bool IsRevoked(Guid tokenId) => settled.ContainsKey(tokenId) || recent.ContainsKey(tokenId);

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
    public void Remember(Guid tokenId, DateTime expiresOn) => recent[tokenId] = expiresOn;

    public async Task LoadAsync(AppDb db, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = db.RevokedTokens.Where(r => r.ExpiresOn > now);
        // Sized up front and streamed, so a million rows never exist as a million objects at once.
        var loaded = new Dictionary<Guid, DateTime>(await live.CountAsync(cancel) + settled.Count);
        await foreach (var row in live.Select(r => new { r.Jti, r.ExpiresOn }).AsAsyncEnumerable().WithCancellation(cancel))
        {
            if (Guid.TryParseExact(row.Jti, "N", out var id))
                loaded[id] = row.ExpiresOn;
        }
        Rebuild(loaded, DateTime.MinValue);
    }

    /// <summary>Forgets tokens that have expired anyway, in memory and in the table.</summary>
    public async Task<int> PurgeExpiredAsync(AppDb db, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Rebuild(new Dictionary<Guid, DateTime>(settled.Count + recent.Count), now);
        return await db.RevokedTokens.Where(r => r.ExpiresOn <= now).DeleteAsync(cancel);
    }

    /// <summary>
    /// Publishes <paramref name="into"/> with every id still live after <paramref name="now"/>,
    /// then drops from <see cref="recent"/> what it took: an id is in one or the other throughout.
    /// </summary>
    private void Rebuild(Dictionary<Guid, DateTime> into, DateTime now)
    {
        lock (rebuilding)
        {
            var taken = recent.ToArray();
            foreach (var (id, expires) in settled.Concat(taken))
            {
                if (expires > now)
                    into.TryAdd(id, expires);
            }
            settled = into;
            foreach (var entry in taken)
                recent.TryRemove(entry);
        }
    }
}
