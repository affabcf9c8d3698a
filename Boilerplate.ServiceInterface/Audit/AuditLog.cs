using Microsoft.Extensions.Logging;

namespace Boilerplate.ServiceInterface.Audit;

/// <summary>
/// One structured event per security-relevant act, with the user's public_id and the client's
/// address (<c>local</c> for the command line). Never a password, a token or a hash: nothing here
/// takes one as a parameter.
/// </summary>
public sealed partial class AuditLog(ILogger<AuditLog> log)
{
    public const string LocalClient = "local";

    /// <summary>Who acted, for what the host's command line does.</summary>
    public const string CommandLine = "command line";

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "audit sign-in succeeded user={PublicId} client={Client}")]
    public partial void SignedIn(string publicId, string client);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "audit sign-in failed user={PublicId} reason={Reason} client={Client}")]
    public partial void SignInFailed(string publicId, string reason, string client);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "audit locked out user={PublicId} until={Until:o} client={Client}")]
    public partial void LockedOut(string publicId, DateTime until, string client);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "audit token refreshed user={PublicId} session={SessionId} client={Client}")]
    public partial void Refreshed(string publicId, string sessionId, string client);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "audit refresh token reused, session ended user={PublicId} session={SessionId} client={Client}")]
    public partial void RefreshTokenReused(string publicId, string sessionId, string client);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "audit logged out user={PublicId} session={SessionId} client={Client}")]
    public partial void LoggedOut(string publicId, string sessionId, string client);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "audit logged out everywhere user={PublicId} client={Client}")]
    public partial void LoggedOutEverywhere(string publicId, string client);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "audit password changed user={PublicId} client={Client}")]
    public partial void PasswordChanged(string publicId, string client);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "audit admin action admin={AdminPublicId} action={Action} target={TargetPublicId} client={Client}")]
    public partial void AdminAction(string adminPublicId, string action, string targetPublicId, string client);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "audit email verified user={PublicId} client={Client}")]
    public partial void EmailVerified(string publicId, string client);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "audit password reset by mail user={PublicId} client={Client}")]
    public partial void PasswordReset(string publicId, string client);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "audit email change requested user={PublicId} client={Client}")]
    public partial void EmailChangeRequested(string publicId, string client);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "audit email changed user={PublicId} client={Client}")]
    public partial void EmailChanged(string publicId, string client);

    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "audit session ended user={PublicId} session={SessionId} client={Client}")]
    public partial void SessionEnded(string publicId, string sessionId, string client);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "audit other sessions ended user={PublicId} sessions={Sessions} client={Client}")]
    public partial void LoggedOutOthers(string publicId, int sessions, string client);

    [LoggerMessage(EventId = 115, Level = LogLevel.Information, Message = "audit password accepted, second factor pending user={PublicId} client={Client}")]
    public partial void SecondFactorPending(string publicId, string client);

    [LoggerMessage(EventId = 116, Level = LogLevel.Warning, Message = "audit recovery code used user={PublicId} client={Client}")]
    public partial void RecoveryCodeUsed(string publicId, string client);

    [LoggerMessage(EventId = 117, Level = LogLevel.Information, Message = "audit two-factor sign-in enabled user={PublicId} client={Client}")]
    public partial void TwoFactorEnabled(string publicId, string client);

    [LoggerMessage(EventId = 118, Level = LogLevel.Warning, Message = "audit two-factor sign-in removed user={PublicId} client={Client}")]
    public partial void TwoFactorDisabled(string publicId, string client);

    [LoggerMessage(EventId = 119, Level = LogLevel.Information, Message = "audit recovery codes renewed user={PublicId} client={Client}")]
    public partial void RecoveryCodesRenewed(string publicId, string client);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "audit passkey added user={PublicId} passkey={PasskeyId} client={Client}")]
    public partial void PasskeyAdded(string publicId, string passkeyId, string client);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "audit passkey removed user={PublicId} passkey={PasskeyId} client={Client}")]
    public partial void PasskeyRemoved(string publicId, string passkeyId, string client);

    [LoggerMessage(EventId = 122, Level = LogLevel.Information, Message = "audit passkey used to sign in user={PublicId} passkey={PasskeyId} client={Client}")]
    public partial void PasskeyUsed(string publicId, string passkeyId, string client);

    [LoggerMessage(EventId = 123, Level = LogLevel.Warning, Message = "audit passkey counter did not go up, possibly a copied authenticator user={PublicId} passkey={PasskeyId} client={Client}")]
    public partial void PasskeyCloned(string publicId, string passkeyId, string client);

    [LoggerMessage(EventId = 124, Level = LogLevel.Warning, Message = "audit change not confirmed user={PublicId} reason={Reason} client={Client}")]
    public partial void ConfirmationFailed(string publicId, string reason, string client);

    [LoggerMessage(EventId = 125, Level = LogLevel.Warning, Message = "audit signing key rotated kid={Kid} activates={ActivatesOn:o} by={Actor} client={Client}")]
    public partial void SigningKeyRotated(string kid, DateTime activatesOn, string actor, string client);

    [LoggerMessage(EventId = 126, Level = LogLevel.Warning, Message = "audit signing key revoked kid={Kid} by={Actor} client={Client}")]
    public partial void SigningKeyRevoked(string kid, string actor, string client);

    [LoggerMessage(EventId = 128, Level = LogLevel.Warning, Message = "audit role saved role={Role} permissions={Permissions} by={Actor} client={Client}")]
    public partial void RoleSaved(string actor, string role, string permissions, string client);

    [LoggerMessage(EventId = 129, Level = LogLevel.Warning, Message = "audit role deleted role={Role} by={Actor} client={Client}")]
    public partial void RoleDeleted(string actor, string role, string client);

    [LoggerMessage(EventId = 130, Level = LogLevel.Warning, Message = "audit roles assigned user={PublicId} roles={Roles} permissions={Permissions} by={Actor} client={Client}")]
    public partial void RolesAssigned(string actor, string publicId, string roles, string permissions, string client);

    [LoggerMessage(EventId = 131, Level = LogLevel.Warning, Message = "audit roles unassigned user={PublicId} roles={Roles} permissions={Permissions} by={Actor} client={Client}")]
    public partial void RolesUnassigned(string actor, string publicId, string roles, string permissions, string client);

    [LoggerMessage(EventId = 127, Level = LogLevel.Information, Message = "audit signing key made kid={Kid} algorithm={Algorithm}, as none could sign")]
    public partial void SigningKeyMade(string kid, string algorithm);

    [LoggerMessage(EventId = 132, Level = LogLevel.Warning, Message = "audit api key created user={PublicId} key={KeyId} scopes={Scopes} client={Client}")]
    public partial void ApiKeyCreated(string publicId, string keyId, string scopes, string client);

    [LoggerMessage(EventId = 133, Level = LogLevel.Warning, Message = "audit api key cancelled user={PublicId} key={KeyId} by={Actor} client={Client}")]
    public partial void ApiKeyCancelled(string actor, string publicId, string keyId, string client);

    [LoggerMessage(EventId = 134, Level = LogLevel.Warning, Message = "audit external identity linked user={PublicId} provider={Provider} client={Client}")]
    public partial void IdentityLinked(string publicId, string provider, string client);

    [LoggerMessage(EventId = 135, Level = LogLevel.Warning, Message = "audit external identity unlinked user={PublicId} provider={Provider} client={Client}")]
    public partial void IdentityUnlinked(string publicId, string provider, string client);

    [LoggerMessage(EventId = 136, Level = LogLevel.Information, Message = "audit account made through a provider user={PublicId} provider={Provider} client={Client}")]
    public partial void RegisteredThroughProvider(string publicId, string provider, string client);
}
