using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.Tokens;
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
    AuditLog audit, AuditTrail trail, AppMetrics metrics)
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
            throw await FailedAsync(null, "unknown account", "unknown_account", client);
        }
        switch (await guesses.PasswordAsync(user, password, client, cancel))
        {
            case Guess.LockedOut:
                throw await FailedAsync(user, "locked out", "locked_out", client);
            case Guess.Wrong:
                throw await FailedAsync(user, "wrong password", "wrong_password", client);
        }
        if (user.Locked)
            throw await RefusedAsync(user, "locked by an admin", "locked", AuthMessages.AccountLocked, client);
        // After the right password only: a wrong guess learns no more than before.
        await RequireVerifiedEmailAsync(user, client, cancel);

        if (passwords.NeedsRehash(user.PasswordHash))
            await users.SetPasswordHashAsync(user.Id, await passwords.HashAsync(password, cancel), cancel);
        if (user.MfaEnabled)
        {
            audit.SecondFactorPending(user.PublicId, client);
            await trail.RecordAsync(AuditEventNames.SecondFactorPending, user.PublicId, null, client, cancel: cancel);
            metrics.SignIn("mfa_required");
            return user;
        }
        await CompleteAsync(user, client, cancel);
        return user;
    }

    /// <summary>
    /// The second step of a sign-in with a second factor: a TOTP code or a recovery code for the
    /// challenge's user. The proof says what the first step was, the password or a provider.
    /// </summary>
    /// <exception cref="SignInFailedException">Refused; its message is what the client is told.</exception>
    public async Task<(UserRecord User, SignInProof Proof)> SecondFactorAsync(string? mfaToken, string? code, string? recoveryCode, string client, CancellationToken cancel = default)
    {
        var challenge = await challenges.FindAsync(mfaToken, cancel);
        var user = challenge is null ? null : await users.FindByIdAsync(challenge.UserId, cancel);
        if (challenge is null || user is null || !user.MfaEnabled)
            throw await RefusedAsync(user, "second factor without a live challenge", "mfa_token_spent", AuthMessages.MfaTokenSpent, client);
        if (user.Locked)
            throw await RefusedAsync(user, "locked by an admin", "locked", AuthMessages.AccountLocked, client);

        var byRecoveryCode = code is not { Length: > 0 };
        var guess = byRecoveryCode
            ? await guesses.RecoveryCodeAsync(user, recoveryCode, client, cancel)
            : await guesses.CodeAsync(user, code, client, cancel);
        // Whoever got here knew the password, so the lockout is no secret to them; no code is looked at during it.
        if (guess == Guess.LockedOut)
            throw await RefusedAsync(user, "locked out", "locked_out", AuthMessages.LockedOut, client);
        if (guess == Guess.Wrong)
            throw await RefusedAsync(user, byRecoveryCode ? "wrong recovery code" : "wrong code", "wrong_code", AuthMessages.BadCode, client);
        if (!await challenges.SpendAsync(challenge, cancel))
            throw await RefusedAsync(user, "second factor for a spent challenge", "mfa_token_spent", AuthMessages.MfaTokenSpent, client);
        if (byRecoveryCode)
        {
            audit.RecoveryCodeUsed(user.PublicId, client);
            await trail.RecordAsync(AuditEventNames.RecoveryCodeUsed, user.PublicId, user.PublicId, client, cancel: cancel);
        }
        await CompleteAsync(user, client, cancel);
        return (user, challenge.AfterExternal ? SignInProof.ExternalAndCode : SignInProof.PasswordAndCode);
    }

    /// <summary>
    /// A sign-in whose passkey has verified: the refusals that follow a right password, and no
    /// second factor, for the passkey is one (something held, mostly unlocked by the person too).
    /// </summary>
    /// <exception cref="SignInFailedException">Refused; its message is what the client is told.</exception>
    /// <exception cref="EmailNotVerifiedException">Auth:RequireVerifiedEmail, and the address is not verified.</exception>
    public async Task CompleteWithPasskeyAsync(UserRecord user, string client, CancellationToken cancel = default) =>
        await CompleteWithoutPasswordAsync(user, client, cancel);

    /// <summary>
    /// A sign-in an external provider vouched for: the refusals that follow a right password. An
    /// account with a second factor still owes it (the session asks, as after the password).
    /// </summary>
    /// <exception cref="SignInFailedException">Refused; its message is what the client is told.</exception>
    /// <exception cref="EmailNotVerifiedException">Auth:RequireVerifiedEmail, and the address is not verified.</exception>
    public Task CompleteExternalAsync(UserRecord user, string client, CancellationToken cancel = default) =>
        CompleteWithoutPasswordAsync(user, client, cancel);

    private async Task CompleteWithoutPasswordAsync(UserRecord user, string client, CancellationToken cancel)
    {
        if (user.Locked)
            throw await RefusedAsync(user, "locked by an admin", "locked", AuthMessages.AccountLocked, client);
        if (user.LockedOutUntil > clock.GetUtcNow().UtcDateTime)
            throw await RefusedAsync(user, "locked out", "locked_out", AuthMessages.LockedOut, client);
        await RequireVerifiedEmailAsync(user, client, cancel);
        await CompleteAsync(user, client, cancel);
    }

    /// <summary>A sign-in refused by another way in than the password: audited and counted as this one's refusals are.</summary>
    public Task<SignInFailedException> RefuseAsync(UserRecord? user, string reason, string result, string message, string client) =>
        RefusedAsync(user, reason, result, message, client);

    private async Task RequireVerifiedEmailAsync(UserRecord user, string client, CancellationToken cancel)
    {
        if (!settings.RequireVerifiedEmail || user.EmailVerified)
            return;
        await AuditFailureAsync(user, "email not verified", client, cancel);
        metrics.SignIn("email_not_verified");
        throw new EmailNotVerifiedException();
    }

    private async Task CompleteAsync(UserRecord user, string client, CancellationToken cancel)
    {
        await guesses.ClearAsync(user, cancel);
        audit.SignedIn(user.PublicId, client);
        metrics.SignIn("success");
    }

    private Task<SignInFailedException> FailedAsync(UserRecord? user, string reason, string result, string client) =>
        RefusedAsync(user, reason, result, AuthMessages.BadCredentials, client);

    /// <summary>Audited whether or not the client still waits: a guess made is on record.</summary>
    private async Task<SignInFailedException> RefusedAsync(UserRecord? user, string reason, string result, string message, string client)
    {
        await AuditFailureAsync(user, reason, client, CancellationToken.None);
        metrics.SignIn(result);
        return new SignInFailedException(message);
    }

    private async Task AuditFailureAsync(UserRecord? user, string reason, string client, CancellationToken cancel)
    {
        audit.SignInFailed(user?.PublicId ?? "unknown", reason, client);
        await trail.RecordAsync(AuditEventNames.SignInFailed, user?.PublicId, null, client, $"reason={reason}", cancel);
    }
}
