namespace Boilerplate.ServiceInterface.Audit;

/// <summary>The events the stored audit trail holds, as <c>GET /audit?event=</c> names them.</summary>
public static class AuditEventNames
{
    // What users do to and with their own accounts; the actor is the user, or none for a stranger.
    public const string SignedIn = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string SecondFactorPending = "sign-in.second-factor-pending";
    public const string SessionRenewed = "session.renewed";
    public const string RefreshTokenReused = "session.refresh-token-reused";
    public const string LoggedOut = "session.logged-out";
    public const string LoggedOutEverywhere = "session.logged-out-everywhere";
    public const string SessionEnded = "session.ended";
    public const string OtherSessionsEnded = "session.others-ended";
    public const string PasswordChanged = "password.changed";
    public const string PasswordReset = "password.reset";
    public const string ConfirmationFailed = "confirmation.failed";
    public const string EmailVerified = "email.verified";
    public const string EmailChangeRequested = "email.change-requested";
    public const string EmailChanged = "email.changed";
    public const string TwoFactorEnabled = "mfa.enabled";
    public const string TwoFactorDisabled = "mfa.disabled";
    public const string RecoveryCodesRenewed = "mfa.recovery-codes-renewed";
    public const string RecoveryCodeUsed = "mfa.recovery-code-used";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";
    public const string IdentityLinked = "identity.linked";
    public const string IdentityUnlinked = "identity.unlinked";
    public const string RegisteredThroughProvider = "user.registered-through-provider";

    // What admins and permission holders do; the actor is who did it, none for the command line.
    public const string AdminGranted = "user.admin-granted";
    public const string AdminRemoved = "user.admin-removed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserDeleted = "user.deleted";
    public const string UserSessionEnded = "user.session-ended";
    public const string UserMfaReset = "user.mfa-reset";
    public const string RoleSaved = "role.saved";
    public const string RoleDeleted = "role.deleted";
    public const string RolesAssigned = "roles.assigned";
    public const string RolesUnassigned = "roles.unassigned";
    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyCancelled = "apikey.cancelled";
    public const string SigningKeyMade = "signing-key.made";
    public const string SigningKeyRotated = "signing-key.rotated";
    public const string SigningKeyRevoked = "signing-key.revoked";
}
