using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>What users do to their own account, confirmed with their password: change it, delete the account.</summary>
public class AccountServices(
    UserStore users, UserAccounts accounts, PasswordHasher passwords, Sessions sessions, SignOutEverywhere signOut, EmailTokens tokens,
    TokenDelivery delivery, AuditLog audit) : Service
{
    public async Task<TokenResponse> Put(ChangePassword request)
    {
        var user = await ConfirmedCallerAsync(request.CurrentPassword, "current_password");
        await users.SetPasswordHashAsync(user.Id, await passwords.HashAsync(request.NewPassword!, Request.RequestAborted), Request.RequestAborted);
        await signOut.EndAllAsync(user, Request.RequestAborted);
        // A reset link mailed before the change would undo it.
        await tokens.VoidAsync(user.Id, EmailTokenKinds.PasswordReset, Request.RequestAborted);
        var session = await sessions.StartAsync(user, SessionClient.Of(Request), Request.RequestAborted);
        audit.PasswordChanged(user.PublicId, Request.RemoteIp);
        return delivery.Token(Request, session, "Password changed. Every other session has been signed out.");
    }

    public async Task Delete(DeleteCurrentUser request)
    {
        var user = await ConfirmedCallerAsync(request.Password, "password");
        await accounts.DeleteAsync(user, Request.RequestAborted);
    }

    /// <summary>ServiceStack's clients cannot send a DELETE with a body, and the password must not go in the URL.</summary>
    public Task Post(DeleteCurrentUser request) => Delete(request);

    private async Task<UserRecord> ConfirmedCallerAsync(string? password, string field)
    {
        var user = await accounts.CallerAsync(GetSession(), Request.RequestAborted);
        if (!await passwords.VerifyAsync(password ?? "", user.PasswordHash, Request.RequestAborted))
            throw HttpError.Validation("InvalidPassword", $"{field} does not match.", field);
        return user;
    }
}
