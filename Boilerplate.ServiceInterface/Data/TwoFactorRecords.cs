using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>A row of <c>recovery_codes</c>: one of a user's ten, stored as a SHA-256 hash, good once.</summary>
[Table("recovery_codes")]
public class RecoveryCodeRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    [Column("user_id"), NotNull] public long UserId { get; set; }
    [Column("code_hash"), NotNull] public string CodeHash { get; set; } = "";
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    [Column("used_on")] public DateTime? UsedOn { get; set; }
}

/// <summary>A row of <c>mfa_challenges</c>: a sign-in whose password was right, waiting for its second factor.</summary>
[Table("mfa_challenges")]
public class MfaChallengeRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    [Column("token_hash"), NotNull] public string TokenHash { get; set; } = "";
    [Column("user_id"), NotNull] public long UserId { get; set; }
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    [Column("expires_on"), NotNull] public DateTime ExpiresOn { get; set; }
    [Column("used_on")] public DateTime? UsedOn { get; set; }
    /// <summary>The first step was an external provider's sign-in, not the password.</summary>
    [Column("after_external"), NotNull] public bool AfterExternal { get; set; }
}
