using System.Collections.Concurrent;
using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.Revocation;

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
        // The table keeps UTC without a kind, as it was written.
        var now = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified);
        // Plain SQL read off the data reader throughout: this is time the host spends before it may
        // serve, and a LINQ query's first translation alone cost it a fifth of a second.
        await using var connection = new DataConnection(db.Options);
        // Sized up front, so a million ids do not make the dictionary grow and copy itself twenty
        // times. All rows, expired ones too (the purge takes them within the hour): a count with
        // the date condition took half a second of a million rows, a plain one next to nothing.
        var count = await new CommandInfo(connection, "SELECT COUNT(*) FROM blacklist_tokens").QueryToArrayAsync(row => row.GetInt64(0), cancel);
        var loaded = new Dictionary<Guid, DateTime>((int)count[0] + settled.Count);

        // Read straight off the data reader: through a LINQ projection the same million rows took
        // 2.2 s rather than 0.9 s.
        await using var rows = await new CommandInfo(connection, "SELECT jti, expires_on FROM blacklist_tokens WHERE expires_on > @now",
            new DataParameter("now", now, DataType.DateTime)).ExecuteReaderAsync(cancel);
        var reader = rows.Reader!;
        while (await reader.ReadAsync(cancel))
        {
            if (Guid.TryParseExact(reader.GetString(0), "N", out var id))
                loaded[id] = reader.GetDateTime(1);
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
