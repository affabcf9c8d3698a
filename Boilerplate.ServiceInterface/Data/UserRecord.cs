using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>A row of the <c>user</c> table.</summary>
[Table("user")]
public class UserRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    /// <summary>The id the API shows: a UUID, so ids cannot be guessed or counted.</summary>
    [Column("public_id"), NotNull] public string PublicId { get; set; } = "";
    /// <summary>Stored lower-cased, so one address is one account whatever its casing.</summary>
    [Column("email"), NotNull] public string Email { get; set; } = "";
    [Column("username"), NotNull] public string Username { get; set; } = "";
    [Column("password_hash"), NotNull] public string PasswordHash { get; set; } = "";
    [Column("admin"), NotNull] public bool Admin { get; set; }
    [Column("registered_on"), NotNull] public DateTime RegisteredOn { get; set; }
    /// <summary>Goes up whenever every token of the user must die: tokens carry the stamp they were issued with.</summary>
    [Column("security_stamp"), NotNull] public int SecurityStamp { get; set; }
    /// <summary>Locked by an admin: no sign-in, no refresh.</summary>
    [Column("locked"), NotNull] public bool Locked { get; set; }
    /// <summary>Failed sign-ins since <see cref="FirstFailedSignInOn"/>; enough of them lock the account out for a while.</summary>
    [Column("failed_sign_ins"), NotNull] public int FailedSignIns { get; set; }
    [Column("first_failed_sign_in_on")] public DateTime? FirstFailedSignInOn { get; set; }
    [Column("locked_out_until")] public DateTime? LockedOutUntil { get; set; }
    /// <summary>The owner followed a link mailed to <see cref="Email"/>, or reset the password through one.</summary>
    [Column("email_verified"), NotNull] public bool EmailVerified { get; set; }
    /// <summary>Signing in takes a TOTP code (or a recovery code) after the password.</summary>
    [Column("mfa_enabled"), NotNull] public bool MfaEnabled { get; set; }
    /// <summary>Roles given with AssignRoles, separated by spaces (<see cref="Roles.GrantNames"/>); Admin is <see cref="Admin"/>.</summary>
    [Column("roles"), NotNull] public string Roles { get; set; } = "";
    /// <summary>Permissions given to the user directly, separated by spaces; their roles' come on top.</summary>
    [Column("permissions"), NotNull] public string Permissions { get; set; } = "";
    /// <summary>The TOTP secret, encrypted under a key derived from the app's secret; set at enrolment, before it is confirmed.</summary>
    [Column("totp_secret")] public string? TotpSecret { get; set; }
    /// <summary>The time step of the last code accepted: a code of that step or an earlier one is refused.</summary>
    [Column("totp_last_step")] public long? TotpLastStep { get; set; }
}
