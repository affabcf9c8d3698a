using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// A row of <c>email_tokens</c>: a single-use token mailed to a user, stored only as a SHA-256
/// hash, for the address it was sent to.
/// </summary>
[Table("email_tokens")]
public class EmailTokenRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    [Column("token_hash"), NotNull] public string TokenHash { get; set; } = "";
    /// <summary><see cref="EmailTokenKinds"/>.</summary>
    [Column("kind"), NotNull] public string Kind { get; set; } = "";
    [Column("user_id"), NotNull] public long UserId { get; set; }
    /// <summary>The address the link went to: the one to verify, or the new one of a change.</summary>
    [Column("email"), NotNull] public string Email { get; set; } = "";
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    [Column("expires_on"), NotNull] public DateTime ExpiresOn { get; set; }
    /// <summary>Set when the token was used, or when a newer one or a password change made it void.</summary>
    [Column("used_on")] public DateTime? UsedOn { get; set; }
}

public static class EmailTokenKinds
{
    public const string Verification = "verify";
    public const string PasswordReset = "reset";
    public const string EmailChange = "change";
}
