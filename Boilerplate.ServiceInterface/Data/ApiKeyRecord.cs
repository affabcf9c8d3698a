using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>A row of <c>api_keys</c>: one of a user's API keys, by the hash of the key.</summary>
[Table("api_keys")]
public class ApiKeyRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    /// <summary>The id the API shows, to list and cancel the key by.</summary>
    [Column("public_id"), NotNull] public string PublicId { get; set; } = "";
    [Column("user_id"), NotNull] public long UserId { get; set; }
    [Column("name"), NotNull] public string Name { get; set; } = "";
    /// <summary>SHA-256 of the key, in lower-case hex: what a request's key is looked up by.</summary>
    [Column("key_hash"), NotNull] public string KeyHash { get; set; } = "";
    [Column("visible_key"), NotNull] public string VisibleKey { get; set; } = "";
    /// <summary>Permission names separated by spaces.</summary>
    [Column("scopes"), NotNull] public string Scopes { get; set; } = "";
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    [Column("expires_on")] public DateTime? ExpiresOn { get; set; }
    [Column("last_used_on")] public DateTime? LastUsedOn { get; set; }
}
