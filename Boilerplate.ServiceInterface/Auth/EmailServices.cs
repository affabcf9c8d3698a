using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Email;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// The account's life over email: verifying the address, recovering a forgotten password,
/// moving to another address. The requests that name an address only queue a mail, whatever the
/// address: whether an account has it is looked up by the sender (<see cref="AccountMail"/>).
/// </summary>
public class EmailServices(
    UserStore users, UserAccounts accounts, EmailTokens tokens, MailOutbox outbox, PasswordHasher passwords, Sessions sessions,
    SignOutEverywhere signOut, TokenDelivery delivery, AuditLog audit, IOptions<AppSettings> app) : Service
{
    public async Task<StatusResponse> Post(VerifyEmail request)
    {
        var token = await tokens.UseAsync(request.Token!, EmailTokenKinds.Verification, Request.RequestAborted);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId, Request.RequestAborted);
        // A link to an address the account has since left verifies nothing.
        if (user is null || user.Email != token!.Email)
            throw new InvalidEmailTokenException();
        await users.SetEmailVerifiedAsync(user.Id, Request.RequestAborted);
        audit.EmailVerified(user.PublicId, Request.RemoteIp);
        return new StatusResponse { Message = "Your email address is verified." };
    }

    public async Task<StatusResponse> Post(ResendVerificationEmail request)
    {
        await outbox.QueueAsync(AccountMail.VerifyEmail, UserStore.NormalizeEmail(request.Email!), linkBase: LinkBase, cancel: Request.RequestAborted);
        Response.StatusCode = 202;
        return new StatusResponse { Message = "If an unverified account has that address, a new link is on its way." };
    }

    public async Task<StatusResponse> Post(ForgotPassword request)
    {
        await outbox.QueueAsync(AccountMail.PasswordReset, UserStore.NormalizeEmail(request.Email!), linkBase: LinkBase, cancel: Request.RequestAborted);
        Response.StatusCode = 202;
        return new StatusResponse { Message = "If an account has that address, a link to reset its password is on its way." };
    }

    public async Task<TokenResponse> Post(ResetPassword request)
    {
        var token = await tokens.UseAsync(request.Token!, EmailTokenKinds.PasswordReset, Request.RequestAborted);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId, Request.RequestAborted);
        if (user is null || user.Locked)
            throw new InvalidEmailTokenException();

        await users.SetPasswordHashAsync(user.Id, await passwords.HashAsync(request.NewPassword!, Request.RequestAborted), Request.RequestAborted);
        await users.ClearLockoutAsync(user.Id, Request.RequestAborted);
        // The mail reached its owner, so the address is theirs.
        await users.SetEmailVerifiedAsync(user.Id, Request.RequestAborted);
        await tokens.VoidAsync(user.Id, EmailTokenKinds.PasswordReset, Request.RequestAborted);
        await signOut.EndAllAsync(user, Request.RequestAborted);
        var session = await sessions.StartAsync(user, SessionClient.Of(Request), Request.RequestAborted);
        audit.PasswordReset(user.PublicId, Request.RemoteIp);
        return delivery.Token(Request, session, "Password reset. Every other session has been signed out.");
    }

    public async Task<StatusResponse> Put(ChangeEmail request)
    {
        var user = await accounts.CallerAsync(GetSession(), Request.RequestAborted);
        if (!await passwords.VerifyAsync(request.Password!, user.PasswordHash, Request.RequestAborted))
            throw HttpError.Validation("InvalidPassword", "password does not match.", "password");
        var newEmail = UserStore.NormalizeEmail(request.NewEmail!);
        if (newEmail == user.Email)
            throw HttpError.Validation("SameEmail", "new_email is the account's address already.", "new_email");
        if (await users.IsEmailTakenAsync(newEmail, Request.RequestAborted))
            throw new UserExistsException();

        await using (var transaction = await users.BeginTransactionAsync(Request.RequestAborted))
        {
            await outbox.QueueAsync(AccountMail.EmailChange, newEmail, user.Id, linkBase: LinkBase, cancel: Request.RequestAborted);
            await outbox.QueueAsync(AccountMail.EmailChangeNotice, user.Email, user.Id, detail: newEmail, cancel: Request.RequestAborted);
            await transaction.CommitTransactionAsync(Request.RequestAborted);
        }
        audit.EmailChangeRequested(user.PublicId, Request.RemoteIp);
        Response.StatusCode = 202;
        return new StatusResponse { Message = $"A confirmation link is on its way to {newEmail}. Nothing changes until it is followed." };
    }

    public async Task<User> Post(ConfirmEmailChange request)
    {
        var found = await tokens.FindAsync(request.Token!, EmailTokenKinds.EmailChange, Request.RequestAborted) ?? throw new InvalidEmailTokenException();
        if (await users.IsEmailTakenAsync(found.Email, Request.RequestAborted))
            throw new UserExistsException();
        var token = await tokens.UseAsync(request.Token!, EmailTokenKinds.EmailChange, Request.RequestAborted);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId, Request.RequestAborted);
        if (user is null)
            throw new InvalidEmailTokenException();

        await users.SetEmailAsync(user.Id, token!.Email, Request.RequestAborted);
        audit.EmailChanged(user.PublicId, Request.RemoteIp);
        return UserMapping.ToDto((await users.FindByIdAsync(user.Id, Request.RequestAborted))!);
    }

    private string LinkBase => app.Value.LinkBaseFor(Request);
}
