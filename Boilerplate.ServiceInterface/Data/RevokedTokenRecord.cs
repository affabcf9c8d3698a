using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// A row of <c>blacklist_tokens</c>: a logged-out token, by its <c>jti</c>. The token itself is
/// never stored; the row may go once the token would have expired anyway.
/// </summary>
[Table("blacklist_tokens")]
public class RevokedTokenRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    [Column("jti"), NotNull] public string Jti { get; set; } = "";
    [Column("expires_on"), NotNull] public DateTime ExpiresOn { get; set; }
    [Column("blacklisted_on"), NotNull] public DateTime BlacklistedOn { get; set; }
}
