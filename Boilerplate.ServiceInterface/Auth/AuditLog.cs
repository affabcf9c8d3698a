using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// One structured event per security-relevant act, with the user's public_id and the client's
/// address. Never a password, a token or a hash: nothing here takes one as a parameter.
/// </summary>
public sealed partial class AuditLog(ILogger<AuditLog> log, IHttpContextAccessor http)
{
    private string Client => http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "local";

    public void SignedIn(string publicId) => LogSignedIn(publicId, Client);
    public void SignInFailed(string? publicId, string reason) => LogSignInFailed(publicId ?? "unknown", reason, Client);
    public void LockedOut(string publicId, DateTime until) => LogLockedOut(publicId, until, Client);
    public void Refreshed(string publicId, string sessionId) => LogRefreshed(publicId, sessionId, Client);
    public void RefreshTokenReused(string publicId, string sessionId) => LogReused(publicId, sessionId, Client);
    public void LoggedOut(string publicId, string? sessionId) => LogLoggedOut(publicId, sessionId ?? "none", Client);
    public void LoggedOutEverywhere(string publicId) => LogLoggedOutEverywhere(publicId, Client);
    public void PasswordChanged(string publicId) => LogPasswordChanged(publicId, Client);
    public void AdminAction(string adminPublicId, string action, string targetPublicId) => LogAdminAction(adminPublicId, action, targetPublicId, Client);

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
}
