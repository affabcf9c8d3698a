using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// A row of <c>refresh_tokens</c>. Only a SHA-256 hash of the token is stored, so a leaked table
/// yields no usable token. Every token of one sign-in shares a <see cref="FamilyId"/>, the
/// session id (<c>sid</c>) its access tokens carry.
/// </summary>
[Table("refresh_tokens")]
public class RefreshTokenRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    [Column("token_hash"), NotNull] public string TokenHash { get; set; } = "";
    [Column("family_id"), NotNull] public string FamilyId { get; set; } = "";
    [Column("user_id"), NotNull] public long UserId { get; set; }
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    [Column("expires_on"), NotNull] public DateTime ExpiresOn { get; set; }
    /// <summary>Set when the token was exchanged; with rotation a token is good once.</summary>
    [Column("used_on")] public DateTime? UsedOn { get; set; }
    [Column("revoked_on")] public DateTime? RevokedOn { get; set; }
}
