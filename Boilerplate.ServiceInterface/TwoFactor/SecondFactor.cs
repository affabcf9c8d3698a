using System.Security.Cryptography;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Secrets;
using Boilerplate.ServiceInterface.Users;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.Extensions.Options;
using OtpNet;

namespace Boilerplate.ServiceInterface.TwoFactor;

/// <summary>A new TOTP secret, as an authenticator app takes it: the base32 key, and the otpauth URI a QR code carries.</summary>
public sealed record TotpEnrolment(string Secret, string OtpauthUri);

/// <summary>
/// The second factor: a TOTP secret per user (RFC 6238: 30 s steps, six digits, one step of clock
/// skew either way; Otp.NET computes the codes), and ten single-use recovery codes. A code is
/// accepted once: the step it matched is written with a conditional update, so neither a replay
/// nor a code of an earlier step gets in, on this host or another.
/// </summary>
public sealed class SecondFactor(AppDb db, UserStore users, TotpSecretProtector protector, IOptions<AppSettings> app, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;
    private static readonly VerificationWindow Skew = new(previous: 1, future: 1);

    /// <summary>A pending secret: codes from it confirm the factor, but sign-in does not ask for one until then.</summary>
    public async Task<TotpEnrolment> BeginAsync(UserRecord user, CancellationToken cancel = default)
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        user.TotpSecret = protector.Protect(secret);
        await users.SetPendingTotpSecretAsync(user.Id, user.TotpSecret, cancel);
        var issuer = app.Value.Name;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email)}" +
                  $"?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";
        return new TotpEnrolment(secret, uri);
    }

    /// <summary>True when <paramref name="code"/> is the user's current code (or a step either side) and no code of that step or a later one was accepted before.</summary>
    public async Task<bool> AcceptCodeAsync(UserRecord user, string? code, CancellationToken cancel = default)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        // The caller loaded the user in this request, so its secret is the current one.
        if (user.TotpSecret is not { } stored || digits.Length != 6 || !digits.All(char.IsAsciiDigit))
            return false;
        var totp = new Totp(Base32Encoding.ToBytes(protector.Unprotect(stored)));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, Skew))
            return false;
        return await users.TakeTotpStepAsync(user.Id, step, cancel);
    }

    /// <summary>The factor is on; the recovery codes it returns are shown once and kept only as hashes.</summary>
    public async Task<List<string>> EnableAsync(UserRecord user, CancellationToken cancel = default)
    {
        await users.SetMfaEnabledAsync(user, true, cancel);
        user.MfaEnabled = true;
        return await NewRecoveryCodesAsync(user, cancel);
    }

    public async Task DisableAsync(UserRecord user, CancellationToken cancel = default)
    {
        await db.AtomicallyAsync(async () =>
        {
            await users.SetMfaEnabledAsync(user, false, cancel);
            await db.RecoveryCodes.Where(c => c.UserId == user.Id).DeleteAsync(cancel);
        }, cancel);
        user.MfaEnabled = false;
        user.TotpSecret = null;
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<List<string>> NewRecoveryCodesAsync(UserRecord user, CancellationToken cancel = default)
    {
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AtomicallyAsync(async () =>
        {
            await db.RecoveryCodes.Where(c => c.UserId == user.Id).DeleteAsync(cancel);
            foreach (var code in codes)
                await db.InsertAsync(new RecoveryCodeRecord { UserId = user.Id, CodeHash = Hash(code), CreatedOn = now }, token: cancel);
        }, cancel);
        return codes;
    }

    /// <summary>Uses up one of the user's recovery codes; false when it is not one, or was used.</summary>
    public async Task<bool> UseRecoveryCodeAsync(UserRecord user, string? code, CancellationToken cancel = default)
    {
        var hash = Hash(code ?? "");
        var used = await db.RecoveryCodes.Where(c => c.UserId == user.Id && c.CodeHash == hash && c.UsedOn == null)
            .Set(c => c.UsedOn, clock.GetUtcNow().UtcDateTime).UpdateAsync(cancel);
        return used == 1;
    }

    public Task<int> RecoveryCodesLeftAsync(UserRecord user, CancellationToken cancel = default) =>
        db.RecoveryCodes.CountAsync(c => c.UserId == user.Id && c.UsedOn == null, cancel);

    /// <summary>
    /// 120 random bits, as six groups of four base32 letters ("abcd-efgh-…"): enough that a
    /// stolen table of their unsalted hashes gives nothing back (ASVS 2.6.2 asks 112).
    /// </summary>
    private static string NewRecoveryCode()
    {
        var text = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(15)).ToLowerInvariant();
        return string.Join('-', text.Chunk(4).Select(group => new string(group)));
    }

    // Dashes, spaces and case are how a person copies a code, not part of it.
    private static string Hash(string code) =>
        SecretTokens.Hash(new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray()));
}
