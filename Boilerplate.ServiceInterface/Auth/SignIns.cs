using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// Checking a sign-in: the password, the brute-force lockout, the admin lock, and a re-hash when
/// the configured bcrypt cost has changed. Every path does the same bcrypt work, and a guesser
/// gets the same answer for an unknown account, a wrong password and a locked-out account.
/// </summary>
public sealed class SignIns(AppDb db, UserAccounts accounts, PasswordHasher passwords, IOptions<AuthSettings> options, TimeProvider clock, AuditLog audit)
{
    private readonly AuthSettings settings = options.Value;

    public async Task<UserRecord> VerifyAsync(string emailOrUsername, string password, CancellationToken cancel = default)
    {
        var user = await accounts.FindBySignInAsync(emailOrUsername, cancel);
        var matches = await passwords.VerifyAsync(password, user?.PasswordHash, cancel);
        var now = clock.GetUtcNow().UtcDateTime;

        if (user is null)
            throw Failed(null, "unknown account");
        if (user.LockedOutUntil > now)
            // Only someone who knows the password learns that the account is locked out.
            throw matches ? Refused(user, "locked out", AuthMessages.LockedOut) : Failed(user, "locked out");
        if (!matches)
        {
            await CountFailureAsync(user, now, cancel);
            throw Failed(user, "wrong password");
        }
        if (user.Locked)
            throw Refused(user, "locked by an admin", AuthMessages.AccountLocked);

        await db.Users.Where(u => u.Id == user.Id && u.FailedSignIns > 0)
            .Set(u => u.FailedSignIns, 0).Set(u => u.FirstFailedSignInOn, (DateTime?)null).UpdateAsync(cancel);
        if (passwords.NeedsRehash(user.PasswordHash))
            await db.Users.Where(u => u.Id == user.Id).Set(u => u.PasswordHash, await passwords.HashAsync(password, cancel)).UpdateAsync(cancel);
        audit.SignedIn(user.PublicId);
        return user;
    }

    /// <summary>Counts a failure in one update (a new window when the last one is over), then locks out at the limit.</summary>
    private async Task CountFailureAsync(UserRecord user, DateTime now, CancellationToken cancel)
    {
        var windowStart = now - settings.FailedSignInWindow;
        await db.Users.Where(u => u.Id == user.Id)
            .Set(u => u.FailedSignIns, u => u.FirstFailedSignInOn == null || u.FirstFailedSignInOn < windowStart ? 1 : u.FailedSignIns + 1)
            .Set(u => u.FirstFailedSignInOn, u => u.FirstFailedSignInOn == null || u.FirstFailedSignInOn < windowStart ? now : u.FirstFailedSignInOn)
            .UpdateAsync(cancel);

        var until = now + settings.LockoutDuration;
        var lockedOut = await db.Users.Where(u => u.Id == user.Id && u.FailedSignIns >= settings.MaxFailedSignIns)
            .Set(u => u.LockedOutUntil, until).Set(u => u.FailedSignIns, 0).Set(u => u.FirstFailedSignInOn, (DateTime?)null)
            .UpdateAsync(cancel);
        if (lockedOut > 0)
            audit.LockedOut(user.PublicId, until);
    }

    private HttpError Failed(UserRecord? user, string reason)
    {
        audit.SignInFailed(user?.PublicId, reason);
        return HttpError.Unauthorized(AuthMessages.BadCredentials);
    }

    private HttpError Refused(UserRecord user, string reason, string message)
    {
        audit.SignInFailed(user.PublicId, reason);
        return HttpError.Unauthorized(message);
    }
}
