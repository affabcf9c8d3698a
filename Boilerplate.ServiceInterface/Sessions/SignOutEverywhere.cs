using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.ServiceInterface.Sessions;

/// <summary>
/// Ends every session of a user at once: the security stamp moves on in the table, so every
/// older access token is refused by every host (each judges tokens by the row, see
/// <see cref="UserStates"/>), and every refresh token is revoked. Logout-all, a password change,
/// and (through <see cref="IUserSessions"/>) demotion and lock.
/// </summary>
public sealed class SignOutEverywhere(UserStore users, SessionStore sessions, AppMetrics metrics) : IUserSessions
{
    /// <remarks>
    /// The sessions end first, then the stamp moves: a renewal that read a refresh token before it
    /// was revoked read the user before the stamp moved, so its access token carries the old stamp.
    /// </remarks>
    public async Task EndAllAsync(UserRecord user, CancellationToken cancel = default)
    {
        await sessions.EndAllAsync(user.Id, cancel);
        user.SecurityStamp = await users.AdvanceSecurityStampAsync(user, cancel);
        metrics.Revoked("everywhere");
    }
}
