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

    public void SignedIn(string publicId, string client) => LogSignedIn(publicId, client);
    public void SignInFailed(string? publicId, string reason, string client) => LogSignInFailed(publicId ?? "unknown", reason, client);
    public void LockedOut(string publicId, DateTime until, string client) => LogLockedOut(publicId, until, client);
    public void Refreshed(string publicId, string sessionId, string client) => LogRefreshed(publicId, sessionId, client);
    public void RefreshTokenReused(string publicId, string sessionId, string client) => LogReused(publicId, sessionId, client);
    public void LoggedOut(string publicId, string? sessionId, string client) => LogLoggedOut(publicId, sessionId ?? "none", client);
    public void LoggedOutEverywhere(string publicId, string client) => LogLoggedOutEverywhere(publicId, client);
    public void PasswordChanged(string publicId, string client) => LogPasswordChanged(publicId, client);
    public void EmailVerified(string publicId, string client) => LogEmailVerified(publicId, client);
    public void PasswordReset(string publicId, string client) => LogPasswordReset(publicId, client);
    public void EmailChangeRequested(string publicId, string client) => LogEmailChangeRequested(publicId, client);
    public void EmailChanged(string publicId, string client) => LogEmailChanged(publicId, client);
    public void AdminAction(string adminPublicId, string action, string targetPublicId, string client) => LogAdminAction(adminPublicId, action, targetPublicId, client);
    public void SessionEnded(string publicId, string sessionId, string client) => LogSessionEnded(publicId, sessionId, client);
    public void SecondFactorPending(string publicId, string client) => LogSecondFactorPending(publicId, client);
    public void RecoveryCodeUsed(string publicId, string client) => LogRecoveryCodeUsed(publicId, client);
    public void TwoFactorEnabled(string publicId, string client) => LogTwoFactorEnabled(publicId, client);
    public void TwoFactorDisabled(string publicId, string client) => LogTwoFactorDisabled(publicId, client);
    public void RecoveryCodesRenewed(string publicId, string client) => LogRecoveryCodesRenewed(publicId, client);
    public void LoggedOutOthers(string publicId, int sessions, string client) => LogLoggedOutOthers(publicId, sessions, client);
    public void PasskeyAdded(string publicId, string passkeyId, string client) => LogPasskeyAdded(publicId, passkeyId, client);
    public void PasskeyRemoved(string publicId, string passkeyId, string client) => LogPasskeyRemoved(publicId, passkeyId, client);
    public void PasskeyUsed(string publicId, string passkeyId, string client) => LogPasskeyUsed(publicId, passkeyId, client);
    public void PasskeyCloned(string publicId, string passkeyId, string client) => LogPasskeyCloned(publicId, passkeyId, client);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "audit sign-in succeeded user={PublicId} client={Client}")]
    private partial void LogSignedIn(string publicId, string client);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "audit sign-in failed user={PublicId} reason={Reason} client={Client}")]
    private partial void LogSignInFailed(string publicId, string reason, string client);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "audit locked out user={PublicId} until={Until:o} client={Client}")]
    private partial void LogLockedOut(string publicId, DateTime until, string client);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "audit token refreshed user={PublicId} session={SessionId} client={Client}")]
    private partial void LogRefreshed(string publicId, string sessionId, string client);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "audit refresh token reused, session ended user={PublicId} session={SessionId} client={Client}")]
    private partial void LogReused(string publicId, string sessionId, string client);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "audit logged out user={PublicId} session={SessionId} client={Client}")]
    private partial void LogLoggedOut(string publicId, string sessionId, string client);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "audit logged out everywhere user={PublicId} client={Client}")]
    private partial void LogLoggedOutEverywhere(string publicId, string client);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "audit password changed user={PublicId} client={Client}")]
    private partial void LogPasswordChanged(string publicId, string client);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "audit admin action admin={AdminPublicId} action={Action} target={TargetPublicId} client={Client}")]
    private partial void LogAdminAction(string adminPublicId, string action, string targetPublicId, string client);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "audit email verified user={PublicId} client={Client}")]
    private partial void LogEmailVerified(string publicId, string client);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "audit password reset by mail user={PublicId} client={Client}")]
    private partial void LogPasswordReset(string publicId, string client);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "audit email change requested user={PublicId} client={Client}")]
    private partial void LogEmailChangeRequested(string publicId, string client);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "audit email changed user={PublicId} client={Client}")]
    private partial void LogEmailChanged(string publicId, string client);

    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "audit session ended user={PublicId} session={SessionId} client={Client}")]
    private partial void LogSessionEnded(string publicId, string sessionId, string client);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "audit other sessions ended user={PublicId} sessions={Sessions} client={Client}")]
    private partial void LogLoggedOutOthers(string publicId, int sessions, string client);

    [LoggerMessage(EventId = 115, Level = LogLevel.Information, Message = "audit password accepted, second factor pending user={PublicId} client={Client}")]
    private partial void LogSecondFactorPending(string publicId, string client);

    [LoggerMessage(EventId = 116, Level = LogLevel.Warning, Message = "audit recovery code used user={PublicId} client={Client}")]
    private partial void LogRecoveryCodeUsed(string publicId, string client);

    [LoggerMessage(EventId = 117, Level = LogLevel.Information, Message = "audit two-factor sign-in enabled user={PublicId} client={Client}")]
    private partial void LogTwoFactorEnabled(string publicId, string client);

    [LoggerMessage(EventId = 118, Level = LogLevel.Warning, Message = "audit two-factor sign-in removed user={PublicId} client={Client}")]
    private partial void LogTwoFactorDisabled(string publicId, string client);

    [LoggerMessage(EventId = 119, Level = LogLevel.Information, Message = "audit recovery codes renewed user={PublicId} client={Client}")]
    private partial void LogRecoveryCodesRenewed(string publicId, string client);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "audit passkey added user={PublicId} passkey={PasskeyId} client={Client}")]
    private partial void LogPasskeyAdded(string publicId, string passkeyId, string client);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "audit passkey removed user={PublicId} passkey={PasskeyId} client={Client}")]
    private partial void LogPasskeyRemoved(string publicId, string passkeyId, string client);

    [LoggerMessage(EventId = 122, Level = LogLevel.Information, Message = "audit passkey used to sign in user={PublicId} passkey={PasskeyId} client={Client}")]
    private partial void LogPasskeyUsed(string publicId, string passkeyId, string client);

    [LoggerMessage(EventId = 123, Level = LogLevel.Warning, Message = "audit passkey counter did not go up, possibly a copied authenticator user={PublicId} passkey={PasskeyId} client={Client}")]
    private partial void LogPasskeyCloned(string publicId, string passkeyId, string client);
}
