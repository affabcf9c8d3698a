using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Roles;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.ApiKeys;

/// <summary>
/// The API key a request's key hash names: from <see cref="ApiKeyCache"/>, else one read of its
/// row; through a database outage, the key as last read. A singleton, on a pooled connection of its
/// own, as <c>UserStates</c> is for tokens.
/// </summary>
public sealed class ApiKeyStates(DataOptions database, ApiKeyCache cache)
{
    /// <summary>The key, or null when no key has this hash (never made, or cancelled).</summary>
    public ValueTask<CachedApiKey?> FindAsync(string keyHash, CancellationToken cancel = default) =>
        cache.ReadThroughAsync(keyHash, this, static (self, hash, c) => self.ReadKeyAsync(hash, c), cancel);

    private async Task<CachedApiKey?> ReadKeyAsync(string keyHash, CancellationToken cancel) =>
        await ReadAsync(keyHash, cancel) is { } row
            ? new CachedApiKey(row.PublicId, row.UserPublicId, GrantNames.Parse(row.Scopes), row.ExpiresOn)
            : null;

    /// <summary>Plain SQL, as <c>UserStates</c> reads a user: linq2db builds a query on a string key afresh at each call.</summary>
    private async Task<KeyRow?> ReadAsync(string keyHash, CancellationToken cancel)
    {
        await using var connection = new DataConnection(database);
        var rows = await connection.QueryToListAsync<KeyRow>(
            "SELECT k.public_id, k.scopes, k.expires_on, u.public_id AS user_public_id FROM api_keys k JOIN \"user\" u ON u.id = k.user_id WHERE k.key_hash = @keyHash",
            new DataParameter("keyHash", keyHash), cancel);
        return rows.FirstOrDefault();
    }

    private sealed class KeyRow
    {
        [Column("public_id")] public string PublicId { get; set; } = "";
        [Column("scopes")] public string Scopes { get; set; } = "";
        [Column("expires_on")] public DateTime? ExpiresOn { get; set; }
        [Column("user_public_id")] public string UserPublicId { get; set; } = "";
    }
}
