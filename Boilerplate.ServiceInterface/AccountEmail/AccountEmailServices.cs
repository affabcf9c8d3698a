using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.RateLimits;
using Boilerplate.ServiceInterface.Sessions;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.AccountEmail;

/// <summary>
/// The account's life over email: verifying the address, recovering a forgotten password,
/// moving to another address. The requests that name an address only queue a mail, whatever the
/// address: whether an account has it is looked up by the sender (<see cref="AccountMail"/>).
/// Each counts against the address's cap first, so no one fills a mailbox from many clients.
/// </summary>
public class AccountEmailServices(
    EmailTokens mailedTokens, MailedLinks mailedLinks, MailOutbox outbox, RecipientRateLimiter recipients, PasswordHasher passwords,
    SignOutEverywhere signOut, PublicAddress publicAddress) : AppService
{
    public async Task<StatusResponse> Post(VerifyEmail request)
    {
        var token = await mailedTokens.UseAsync(request.Token!, EmailTokenKinds.Verification, Cancel);
        var user = token is null ? null : await Users.FindByIdAsync(token.UserId, Cancel);
        // A link to an address the account has since left verifies nothing.
        if (user is null || user.Email != token!.Email)
            throw new InvalidEmailTokenException();
        await AuditedAsync(AuditEventNames.EmailVerified, user.PublicId, () => Users.SetEmailVerifiedAsync(user, Cancel));
        Audit.EmailVerified(user.PublicId, ClientIp);
        return new StatusResponse { Message = "Your email address is verified." };
    }

    public async Task<StatusResponse> Post(ResendVerificationEmail request)
    {
        await QueueLinkAsync(AccountMail.VerifyEmail, UserStore.NormalizeEmail(request.Email!));
        Response.StatusCode = 202;
        return new StatusResponse { Message = "If an unverified account has that address, a new link is on its way." };
    }

    public async Task<StatusResponse> Post(ForgotPassword request)
    {
        await QueueLinkAsync(AccountMail.PasswordReset, UserStore.NormalizeEmail(request.Email!));
        Response.StatusCode = 202;
        return new StatusResponse { Message = "If an account has that address, a link to reset its password is on its way." };
    }

    /// <summary>With a second factor on, the reset signs no one in: it answers <c>mfa_required</c> and the mfa_token for LoginMfa.</summary>
    public async Task<LoginResponse> Post(ResetPassword request)
    {
        var token = await mailedTokens.UseAsync(request.Token!, EmailTokenKinds.PasswordReset, Cancel);
        var user = token is null ? null : await Users.FindByIdAsync(token.UserId, Cancel);
        // A link to an address the account has since left resets nothing.
        if (user is null || user.Locked || user.Email != token!.Email)
            throw new InvalidEmailTokenException();

        var hash = await passwords.HashAsync(request.NewPassword!, Cancel);
        await AuditedAsync(AuditEventNames.PasswordReset, user.PublicId, async () =>
        {
            await Users.SetPasswordHashAsync(user.Id, hash, Cancel);
            await Users.ClearLockoutAsync(user.Id, Cancel);
            // The mail reached its owner, so the address is theirs.
            await Users.SetEmailVerifiedAsync(user, Cancel);
            await signOut.EndAllAsync(user, Cancel);
            await mailedLinks.PasswordChangedAsync(user, Cancel);
        });
        Audit.PasswordReset(user.PublicId, ClientIp);
        return await SignedInAsync(user, new LoginResponse { Message = "Password reset. Every other session has been signed out." }, SignInProof.MailedLink);
    }

    public async Task<StatusResponse> Put(ChangeEmail request)
    {
        var user = await CallerAsync();
        await ConfirmAsync(user, request.Password, request.Code);
        var newEmail = UserStore.NormalizeEmail(request.NewEmail!);
        if (newEmail == user.Email)
            throw HttpError.Validation("SameEmail", "new_email is the account's address already.", "new_email");
        if (await Users.IsEmailTakenAsync(newEmail, Cancel))
            throw new UserExistsException();
        await recipients.CountAsync(newEmail, Cancel);

        await AuditedAsync(AuditEventNames.EmailChangeRequested, user.PublicId, async () =>
        {
            await outbox.QueueAsync(AccountMail.EmailChange, newEmail, user.Id, linkBase: publicAddress.Url, cancel: Cancel);
            await outbox.QueueAsync(AccountMail.EmailChangeNotice, user.Email, user.Id, detail: newEmail, cancel: Cancel);
        });
        Audit.EmailChangeRequested(user.PublicId, ClientIp);
        Response.StatusCode = 202;
        return new StatusResponse { Message = $"A confirmation link is on its way to {newEmail}. Nothing changes until it is followed." };
    }

    public async Task<User> Post(ConfirmEmailChange request)
    {
        var found = await mailedTokens.FindAsync(request.Token!, EmailTokenKinds.EmailChange, Cancel) ?? throw new InvalidEmailTokenException();
        if (await Users.IsEmailTakenAsync(found.Email, Cancel))
            throw new UserExistsException();
        var token = await mailedTokens.UseAsync(request.Token!, EmailTokenKinds.EmailChange, Cancel);
        var user = token is null ? null : await Users.FindByIdAsync(token.UserId, Cancel);
        if (user is null)
            throw new InvalidEmailTokenException();

        await AuditedAsync(AuditEventNames.EmailChanged, user.PublicId, async () =>
        {
            await Users.SetEmailAsync(user, token!.Email, Cancel);
            await mailedLinks.AddressMovedAsync(user, Cancel);
        });
        Audit.EmailChanged(user.PublicId, ClientIp);
        return Shown((await Users.FindByIdAsync(user.Id, Cancel))!);
    }

    private async Task QueueLinkAsync(string kind, string email)
    {
        await recipients.CountAsync(email, Cancel);
        await outbox.QueueAsync(kind, email, linkBase: publicAddress.Url, cancel: Cancel);
    }
}
