using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.TwoFactor;
using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.SignIn;

/// <summary>
/// Checking a sign-in: the password and the second factor, each a counted guess
/// (<see cref="Guesses"/>), the admin lock, the verified address, and a re-hash when the
/// configured bcrypt cost has changed. Every path does the same bcrypt work, and a guesser gets the
/// same answer for an unknown account, a wrong password and a locked-out account, whose right
/// password is not even looked at. Only a completed sign-in clears the count, so guessing codes by
/// signing in again and again ends in the lockout too.
/// </summary>
public sealed class SignIns(
    UserStore users, PasswordHasher passwords, Guesses guesses, MfaChallenges challenges, IOptions<AuthSettings> options, TimeProvider clock,
    AuditLog audit, AppMetrics metrics)
{
    private readonly AuthSettings settings = options.Value;

    /// <summary>
    /// The password checked; for a user with a second factor (<see cref="UserRecord.MfaEnabled"/>)
    /// the sign-in is not complete: it waits for <see cref="SecondFactorAsync"/>.
    /// </summary>
    /// <exception cref="SignInFailedException">Refused; its message is what the client is told.</exception>
    public async Task<UserRecord> VerifyAsync(string emailOrUsername, string password, string client, CancellationToken cancel = default)
    {
        var user = await users.FindBySignInAsync(emailOrUsername, cancel);
        if (user is null)
        {
            await passwords.VerifyAsync(password, hash: null, cancel);
            throw Failed(null, "unknown account", "unknown_account", client);
        }
        switch (await guesses.PasswordAsync(user, password, client, cancel))
        {
            case Guess.LockedOut:
                throw Failed(user, "locked out", "locked_out", client);
            case Guess.Wrong:
                throw Failed(user, "wrong password", "wrong_password", client);
        }
        if (user.Locked)
            throw Refused(user, "locked by an admin", "locked", AuthMessages.AccountLocked, client);
        // After the right password only: a wrong guess learns no more than before.
        RequireVerifiedEmail(user, client);

        if (passwords.NeedsRehash(user.PasswordHash))
            await users.SetPasswordHashAsync(user.Id, await passwords.HashAsync(password, cancel), cancel);
        if (user.MfaEnabled)
        {
            audit.SecondFactorPending(user.PublicId, client);
            metrics.SignIn("mfa_required");
            return user;
        }
        await CompleteAsync(user, client, cancel);
        return user;
    }

    /// <summary>The second step of a sign-in with a second factor: a TOTP code or a recovery code for the challenge's user.</summary>
    /// <exception cref="SignInFailedException">Refused; its message is what the client is told.</exception>
    public async Task<UserRecord> SecondFactorAsync(string? mfaToken, string? code, string? recoveryCode, string client, CancellationToken cancel = default)
    {
        var challenge = await challenges.FindAsync(mfaToken, cancel);
        var user = challenge is null ? null : await users.FindByIdAsync(challenge.UserId, cancel);
        if (challenge is null || user is null || !user.MfaEnabled)
            throw Refused(user, "second factor without a live challenge", "mfa_token_spent", AuthMessages.MfaTokenSpent, client);
        if (user.Locked)
            throw Refused(user, "locked by an admin", "locked", AuthMessages.AccountLocked, client);

        var byRecoveryCode = code is not { Length: > 0 };
        var guess = byRecoveryCode
            ? await guesses.RecoveryCodeAsync(user, recoveryCode, client, cancel)
            : await guesses.CodeAsync(user, code, client, cancel);
        // Whoever got here knew the password, so the lockout is no secret to them; no code is looked at during it.
        if (guess == Guess.LockedOut)
            throw Refused(user, "locked out", "locked_out", AuthMessages.LockedOut, client);
        if (guess == Guess.Wrong)
            throw Refused(user, byRecoveryCode ? "wrong recovery code" : "wrong code", "wrong_code", AuthMessages.BadCode, client);
        if (!await challenges.SpendAsync(challenge, cancel))
            throw Refused(user, "second factor for a spent challenge", "mfa_token_spent", AuthMessages.MfaTokenSpent, client);
        if (byRecoveryCode)
            audit.RecoveryCodeUsed(user.PublicId, client);
        await CompleteAsync(user, client, cancel);
        return user;
    }

    /// <summary>
    /// A sign-in whose passkey has verified: the refusals that follow a right password, and no
    /// second factor, for the passkey is one (something held, mostly unlocked by the person too).
    /// </summary>
    /// <exception cref="SignInFailedException">Refused; its message is what the client is told.</exception>
    /// <exception cref="EmailNotVerifiedException">Auth:RequireVerifiedEmail, and the address is not verified.</exception>
    public async Task CompleteWithPasskeyAsync(UserRecord user, string client, CancellationToken cancel = default)
    {
        if (user.Locked)
            throw Refused(user, "locked by an admin", "locked", AuthMessages.AccountLocked, client);
        if (user.LockedOutUntil > clock.GetUtcNow().UtcDateTime)
            throw Refused(user, "locked out", "locked_out", AuthMessages.LockedOut, client);
        RequireVerifiedEmail(user, client);
        await CompleteAsync(user, client, cancel);
    }

    /// <summary>A sign-in refused by another way in than the password: audited and counted as this one's refusals are.</summary>
    public SignInFailedException Refuse(UserRecord? user, string reason, string result, string message, string client) =>
        Refused(user, reason, result, message, client);

    private void RequireVerifiedEmail(UserRecord user, string client)
    {
        if (!settings.RequireVerifiedEmail || user.EmailVerified)
            return;
        audit.SignInFailed(user.PublicId, "email not verified", client);
        metrics.SignIn("email_not_verified");
        throw new EmailNotVerifiedException();
    }

    private async Task CompleteAsync(UserRecord user, string client, CancellationToken cancel)
    {
        await guesses.ClearAsync(user, cancel);
        audit.SignedIn(user.PublicId, client);
        metrics.SignIn("success");
    }

    private SignInFailedException Failed(UserRecord? user, string reason, string result, string client)
    {
        audit.SignInFailed(user?.PublicId ?? "unknown", reason, client);
        metrics.SignIn(result);
        return new SignInFailedException(AuthMessages.BadCredentials);
    }

    private SignInFailedException Refused(UserRecord? user, string reason, string result, string message, string client)
    {
        audit.SignInFailed(user?.PublicId ?? "unknown", reason, client);
        metrics.SignIn(result);
        return new SignInFailedException(message);
    }
}
