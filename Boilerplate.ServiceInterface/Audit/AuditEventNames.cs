namespace Boilerplate.ServiceInterface.Audit;

/// <summary>The events the stored audit trail holds, as <c>GET /audit?event=</c> names them.</summary>
public static class AuditEventNames
{
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
