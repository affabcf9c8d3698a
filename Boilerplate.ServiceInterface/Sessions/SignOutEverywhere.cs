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
    public async Task EndAllAsync(UserRecord user, CancellationToken cancel = default)
    {
        user.SecurityStamp = await users.AdvanceSecurityStampAsync(user, cancel);
        await sessions.EndAllAsync(user.Id, cancel);
        metrics.Revoked("everywhere");
    }
}
