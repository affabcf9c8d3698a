using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// A row of <c>user_sessions</c>: one sign-in or registration, whose id is its refresh-token
/// family's and its access tokens' <c>sid</c>. Written at sign-in and on each refresh, never per request.
/// </summary>
[Table("user_sessions")]
public class SessionRecord
{
    [Column("id"), PrimaryKey] public string Id { get; set; } = "";
    [Column("user_id"), NotNull] public long UserId { get; set; }
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    [Column("last_used_on"), NotNull] public DateTime LastUsedOn { get; set; }
    /// <summary>The newest refresh token's expiry: past it, the session cannot go on.</summary>
    [Column("expires_on"), NotNull] public DateTime ExpiresOn { get; set; }
    [Column("ip")] public string? Ip { get; set; }
    [Column("user_agent")] public string? UserAgent { get; set; }
    /// <summary>Set once, when the session is ended: its refresh tokens are revoked and its access tokens refused.</summary>
    [Column("ended_on")] public DateTime? EndedOn { get; set; }
}
