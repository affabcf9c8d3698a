using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// Checking a sign-in: the password, the brute-force lockout, the admin lock, and a re-hash when
/// the configured bcrypt cost has changed. Every path does the same bcrypt work, and a guesser
/// gets the same answer for an unknown account, a wrong password and a locked-out account.
/// </summary>
public sealed class SignIns(UserStore users, PasswordHasher passwords, IOptions<AuthSettings> options, TimeProvider clock, AuditLog audit, AppMetrics metrics)
{
    private readonly AuthSettings settings = options.Value;

    /// <exception cref="SignInFailedException">Refused; its message is what the client is told.</exception>
    public async Task<UserRecord> VerifyAsync(string emailOrUsername, string password, string client, CancellationToken cancel = default)
    {
        var user = await users.FindBySignInAsync(emailOrUsername, cancel);
        var matches = await passwords.VerifyAsync(password, user?.PasswordHash, cancel);
        var now = clock.GetUtcNow().UtcDateTime;

        if (user is null)
            throw Failed(null, "unknown account", "unknown_account", client);
        if (user.LockedOutUntil > now)
            // Only someone who knows the password learns that the account is locked out.
            throw matches ? Refused(user, "locked out", "locked_out", AuthMessages.LockedOut, client) : Failed(user, "locked out", "locked_out", client);
        if (!matches)
        {
            await CountFailureAsync(user, now, client, cancel);
            throw Failed(user, "wrong password", "wrong_password", client);
        }
        if (user.Locked)
            throw Refused(user, "locked by an admin", "locked", AuthMessages.AccountLocked, client);
        // After the right password only: a wrong guess learns no more than before.
        if (settings.RequireVerifiedEmail && !user.EmailVerified)
        {
            audit.SignInFailed(user.PublicId, "email not verified", client);
            metrics.SignIn("email_not_verified");
            throw new EmailNotVerifiedException();
        }

        await users.ClearFailedSignInsAsync(user.Id, cancel);
        if (passwords.NeedsRehash(user.PasswordHash))
            await users.SetPasswordHashAsync(user.Id, await passwords.HashAsync(password, cancel), cancel);
        audit.SignedIn(user.PublicId, client);
        metrics.SignIn("success");
        return user;
    }

    /// <summary>Counts a failure, then locks the account out at the limit.</summary>
    private async Task CountFailureAsync(UserRecord user, DateTime now, string client, CancellationToken cancel)
    {
        await users.CountFailedSignInAsync(user.Id, now, now - settings.FailedSignInWindow, cancel);
        var until = now + settings.LockoutDuration;
        if (await users.LockOutAtLimitAsync(user.Id, settings.MaxFailedSignIns, until, cancel))
        {
            audit.LockedOut(user.PublicId, until, client);
            metrics.LockedOut();
        }
    }

    private SignInFailedException Failed(UserRecord? user, string reason, string result, string client)
    {
        audit.SignInFailed(user?.PublicId, reason, client);
        metrics.SignIn(result);
        return new SignInFailedException(AuthMessages.BadCredentials);
    }

    private SignInFailedException Refused(UserRecord user, string reason, string result, string message, string client)
    {
        audit.SignInFailed(user.PublicId, reason, client);
        metrics.SignIn(result);
        return new SignInFailedException(message);
    }
}
