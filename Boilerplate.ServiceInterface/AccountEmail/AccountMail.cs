using System.Globalization;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Secrets;
using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.AccountEmail;

/// <summary>
/// The account mail, decided when a sender claims it rather than when it was asked for: whether
/// the account exists is looked up here, so a request for an unknown address costs its request
/// exactly what a known one does. A mail's token is issued the first time it is claimed and kept,
/// encrypted, in its outbox row until it is sent, so every retry sends the same link.
/// </summary>
public sealed class AccountMail(
    UserStore users, EmailTokens tokens, MailOutbox outbox, MailTokenProtector protector, IOptions<AuthSettings> auth, IOptions<EmailSettings> email)
    : IMailComposer
{
    public const string VerifyEmail = "verify_email";
    public const string PasswordReset = "password_reset";
    public const string EmailChange = "email_change";
    public const string EmailChangeNotice = "email_change_notice";

    /// <summary>A security notice to the account's address; its detail says which (<see cref="Notices"/>).</summary>
    public const string Notice = "account_notice";
    public const string PasswordChanged = "password_changed";
    public const string PasskeyAdded = "passkey_added";
    public const string TwoFactorEnabled = "two_factor_enabled";
    public const string TwoFactorDisabled = "two_factor_disabled";
    public const string RecoveryCodesRenewed = "recovery_codes_renewed";
    public const string ApiKeyCreated = "api_key_created";
    public const string IdentityLinked = "identity_linked";
    public const string IdentityUnlinked = "identity_unlinked";

    /// <summary>Each notice's title and sentence, by the detail a notice is queued with.</summary>
    public static readonly IReadOnlyDictionary<string, (string Title, string Sentence)> Notices = new Dictionary<string, (string, string)>
    {
        [PasswordChanged] = ("your password was changed", "The password of your account was changed. Every other session was signed out."),
        [PasskeyAdded] = ("a passkey was added", "A passkey was added to your account: it signs in without your password."),
        [TwoFactorEnabled] = ("two-factor sign-in is on", "Two-factor sign-in was turned on for your account."),
        [TwoFactorDisabled] = ("two-factor sign-in is off", "Two-factor sign-in was turned off for your account: your password alone now signs in."),
        [RecoveryCodesRenewed] = ("new recovery codes", "New recovery codes were made for your account; the old ones no longer work."),
        [ApiKeyCreated] = ("an API key was made", "An API key was made for your account: a script that holds it can call the API as you, within its scopes."),
        [IdentityLinked] = ("a sign-in provider was linked", "An account at an external provider was linked to your account: it signs you in."),
        [IdentityUnlinked] = ("a sign-in provider was unlinked", "An external provider's account was unlinked from your account: it no longer signs you in."),
    };

    private readonly AuthSettings settings = auth.Value;

    public async Task<ComposedMail?> ComposeAsync(MailRecord mail, CancellationToken cancel)
    {
        var user = mail.UserId is { } id ? await users.FindByIdAsync(id, cancel) : await users.FindByEmailAsync(mail.Recipient, cancel);
        if (user is null)
            return null;
        return mail.Kind switch
        {
            // Only for an account whose address this still is, and not yet verified.
            VerifyEmail when user.Email == mail.Recipient && !user.EmailVerified =>
                await WithTokenAsync(mail, user, EmailTokenKinds.Verification, settings.EmailVerificationLifetime, "/account/verify-email", cancel),
            // An account an admin locked gets no way around the lock.
            PasswordReset when !user.Locked =>
                await WithTokenAsync(mail, user, EmailTokenKinds.PasswordReset, settings.PasswordResetLifetime, "/account/reset-password", cancel),
            EmailChange =>
                await WithTokenAsync(mail, user, EmailTokenKinds.EmailChange, settings.EmailChangeLifetime, "/account/confirm-email", cancel),
            EmailChangeNotice => await AcceptedAsync(mail, cancel)
                ? new ComposedMail(EmailChangeNotice, new Dictionary<string, string> { ["username"] = user.Username, ["new_email"] = mail.Detail ?? "" }, Link: null)
                : null,
            Notice when Notices.TryGetValue(mail.Detail ?? "", out var notice) && await AcceptedAsync(mail, cancel) =>
                new ComposedMail(Notice, new Dictionary<string, string> { ["username"] = user.Username, ["notice_title"] = notice.Title, ["notice"] = notice.Sentence }, Link: null),
            _ => null,
        };
    }

    private async Task<ComposedMail?> WithTokenAsync(MailRecord mail, UserRecord user, string kind, TimeSpan lifetime, string page, CancellationToken cancel)
    {
        string token;
        if (mail.Token is { } kept)
        {
            token = protector.Unprotect(kept);
        }
        else
        {
            if (await outbox.RecentlyAcceptedAsync(mail, email.Value.ResendInterval, cancel) || !await outbox.IsPendingAsync(mail, cancel))
                return null;
            // Only the newest reset link works, and a newer verification or change link replaces the older ones too.
            await tokens.VoidAsync(user.Id, kind, cancel);
            token = await tokens.IssueAsync(kind, user.Id, mail.Recipient, lifetime, cancel);
            await outbox.AcceptAsync(mail, protector.Protect(token), cancel);
        }
        var link = $"{mail.LinkBase?.TrimEnd('/')}{page}?token={Uri.EscapeDataString(token)}";
        return new ComposedMail(mail.Kind, new Dictionary<string, string>
        {
            ["username"] = user.Username,
            ["link"] = link,
            ["hours"] = Math.Round(lifetime.TotalHours).ToString(CultureInfo.InvariantCulture),
        }, link);
    }

    private async Task<bool> AcceptedAsync(MailRecord mail, CancellationToken cancel)
    {
        if (mail.AcceptedOn is not null)
            return true;
        if (await outbox.RecentlyAcceptedAsync(mail, email.Value.ResendInterval, cancel))
            return false;
        await outbox.AcceptAsync(mail, protectedToken: null, cancel);
        return true;
    }
}
