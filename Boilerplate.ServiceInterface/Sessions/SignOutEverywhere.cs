using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Revocation;
using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.ServiceInterface.Sessions;

/// <summary>
/// Ends every session of a user at once: the stamp moves on in the table and then in memory, so
/// every older access token is refused, and every refresh token is revoked. Logout-all, a
/// password change, and (through <see cref="IUserSessions"/>) demotion, lock and deletion.
/// </summary>
public sealed class SignOutEverywhere(UserStore users, SessionStore sessions, SecurityStamps stamps, AppMetrics metrics) : IUserSessions
{
    public async Task EndAllAsync(UserRecord user, CancellationToken cancel = default)
    {
        var stamp = await users.AdvanceSecurityStampAsync(user.Id, cancel);
        await sessions.EndAllAsync(user.Id, cancel);
        stamps.Advance(user.PublicId, stamp);
        user.SecurityStamp = stamp;
        metrics.Revoked("everywhere");
    }

    public void Deleted(UserRecord user) => stamps.Forget(user.PublicId);
}
