using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.TwoFactor;
using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.SignIn;

/// <summary>What a guess turned out to be; a guess while the account is locked out is not looked at.</summary>
public enum Guess
{
    Right,
    Wrong,
    LockedOut,
}

/// <summary>
/// Every password and second-factor code checked for an account, whichever way in it opens or
/// which change it confirms, is a guess, counted before it is looked at in one conditional update
/// (<see cref="UserStore.TakeGuessAsync"/>): at most Auth:MaxFailedSignIns are looked at in a
/// window however many arrive at once, and none while the account is locked out, a right one
/// included, which gets the refusal a wrong one gets. A right guess is given back once looked at,
/// a wrong one stays, and the one that reaches the limit locks the account out; only a completed
/// sign-in or confirmation clears the count (<see cref="ClearAsync"/>), so a right password does not
/// while the second factor is pending. A password costs the same bcrypt work whatever the outcome.
/// </summary>
public sealed class Guesses(
    AppDb db, UserStore users, PasswordHasher passwords, SecondFactor secondFactor, IOptions<AuthSettings> options, TimeProvider clock,
    AuditLog audit, AuditTrail trail, AppMetrics metrics)
{
    private readonly AuthSettings settings = options.Value;

    public async Task<Guess> PasswordAsync(UserRecord user, string? password, string client, CancellationToken cancel = default)
    {
        if (!await TakeAsync(user, cancel))
        {
            await passwords.VerifyAsync(password ?? "", hash: null, cancel);
            return Guess.LockedOut;
        }
        bool matches;
        try
        {
            matches = await passwords.VerifyAsync(password ?? "", user.PasswordHash, cancel);
        }
        catch (Exception e) when (e is ServerBusyException or OperationCanceledException)
        {
            // Refused or given up on before bcrypt looked at it: nothing was learned, nothing is spent.
            await users.GiveBackGuessAsync(user.Id, CancellationToken.None);
            throw;
        }
        return matches ? await RightAsync(user) : await WrongAsync(user, client);
    }

    /// <summary>A code of the authenticator app (its pending secret while being set up).</summary>
    public async Task<Guess> CodeAsync(UserRecord user, string? code, string client, CancellationToken cancel = default)
    {
        if (!await TakeAsync(user, cancel))
            return Guess.LockedOut;
        return await secondFactor.AcceptCodeAsync(user, code, cancel) ? await RightAsync(user) : await WrongAsync(user, client);
    }

    public async Task<Guess> RecoveryCodeAsync(UserRecord user, string? code, string client, CancellationToken cancel = default)
    {
        if (!await TakeAsync(user, cancel))
            return Guess.LockedOut;
        return await secondFactor.UseRecoveryCodeAsync(user, code, cancel) ? await RightAsync(user) : await WrongAsync(user, client);
    }

    /// <summary>The owner has proved themselves: a sign-in or a confirmation is complete.</summary>
    public Task ClearAsync(UserRecord user, CancellationToken cancel = default) => users.ClearFailedSignInsAsync(user.Id, cancel);

    private Task<bool> TakeAsync(UserRecord user, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return users.TakeGuessAsync(user.Id, now, now - settings.FailedSignInWindow, settings.MaxFailedSignIns, cancel);
    }

    // A guess that was looked at is settled whether or not its client is still waiting: a right
    // password whose answer is lost must not stay counted as a failure.
    private async Task<Guess> RightAsync(UserRecord user)
    {
        await users.GiveBackGuessAsync(user.Id, CancellationToken.None);
        return Guess.Right;
    }

    /// <summary>A wrong guess stays counted; the one that reaches the limit locks the account out.</summary>
    private async Task<Guess> WrongAsync(UserRecord user, string client)
    {
        var until = clock.GetUtcNow().UtcDateTime + settings.LockoutDuration;
        var lockedOut = await db.AtomicallyAsync(async () =>
        {
            if (!await users.LockOutAtLimitAsync(user.Id, settings.MaxFailedSignIns, until, CancellationToken.None))
                return false;
            await trail.RecordAsync(AuditEventNames.LockedOut, user.PublicId, null, client, $"until={until:o}");
            return true;
        });
        if (lockedOut)
        {
            audit.LockedOut(user.PublicId, until, client);
            metrics.LockedOut();
        }
        return Guess.Wrong;
    }
}
