using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.Sessions;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.ServiceInterface.OwnAccount;

/// <summary>What users do to their own account, confirmed as a sign-in is: change the password, delete the account.</summary>
public class OwnAccountServices(PasswordHasher passwords, SignOutEverywhere signOut, MailedLinks mailedLinks, UserAccounts accounts) : AppService
{
    public async Task<TokenResponse> Put(ChangePassword request)
    {
        var user = await CallerAsync();
        await ConfirmAsync(user, request.CurrentPassword, request.Code, "current_password");
        var hash = await passwords.HashAsync(request.NewPassword!, Cancel);
        await AuditedAsync(AuditEventNames.PasswordChanged, user.PublicId, async () =>
        {
            await Users.SetPasswordHashAsync(user.Id, hash, Cancel);
            await signOut.EndAllAsync(user, Cancel);
            await mailedLinks.PasswordChangedAsync(user, Cancel);
        });
        Audit.PasswordChanged(user.PublicId, ClientIp);
        var proof = user.MfaEnabled ? SignInProof.PasswordAndCode : SignInProof.Password;
        return await SignedInAsync(user, new TokenResponse { Message = "Password changed. Every other session has been signed out." }, proof);
    }

    public async Task Delete(DeleteCurrentUser request)
    {
        var user = await CallerAsync();
        await ConfirmAsync(user, request.Password, request.Code);
        await AuditedAsync(AuditEventNames.UserDeleted, user.PublicId, () => accounts.DeleteAsync(user, Cancel), "by the user");
    }

    /// <summary>ServiceStack's clients cannot send a DELETE with a body, and the password must not go in the URL.</summary>
    public Task Post(DeleteCurrentUser request) => Delete(request);
}
