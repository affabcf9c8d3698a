using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.ApiKeys;

/// <summary>
/// The <c>api_keys</c> table. A user's keys go with the user: the foreign key cascades. A key
/// cancelled here is forgotten by this host once the cancellation commits, and by the others
/// through the change stream.
/// </summary>
public sealed class ApiKeyStore(AppDb db, ApiKeyCache cache)
{
    public Task<List<ApiKeyRecord>> ListAsync(long userId, CancellationToken cancel = default) =>
        db.ApiKeys.Where(k => k.UserId == userId).OrderByDescending(k => k.CreatedOn).ThenByDescending(k => k.Id).ToListAsync(cancel);

    public Task<int> CountAsync(long userId, CancellationToken cancel = default) =>
        db.ApiKeys.CountAsync(k => k.UserId == userId, cancel);

    /// <summary>The user's key a route's id names; null for another user's, an unknown or a malformed id.</summary>
    public async Task<ApiKeyRecord?> FindAsync(long userId, string? publicId, CancellationToken cancel = default) =>
        Guid.TryParse(publicId, out var parsed)
            ? await db.ApiKeys.FirstOrDefaultAsync(k => k.UserId == userId && k.PublicId == parsed.ToString(), cancel)
            : null;

    public async Task InsertAsync(ApiKeyRecord key, CancellationToken cancel = default) =>
        key.Id = await db.InsertWithInt64IdentityAsync(key, token: cancel);

    public async Task DeleteAsync(ApiKeyRecord key, CancellationToken cancel = default)
    {
        await db.ApiKeys.Where(k => k.Id == key.Id).DeleteAsync(cancel);
        cache.Evict(key.KeyHash);
        // A request that read the row before the commit must not keep it after.
        db.WhenCommitted(() => cache.Evict(key.KeyHash));
    }
}
