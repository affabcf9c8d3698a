using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.Sessions;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.ServiceInterface.OwnAccount;

/// <summary>What users do to their own account, confirmed with their password: change it, delete the account.</summary>
public class OwnAccountServices(PasswordHasher passwords, SignOutEverywhere signOut, EmailTokens mailedTokens, UserAccounts accounts) : AppService
{
    public async Task<TokenResponse> Put(ChangePassword request)
    {
        var user = await CallerAsync();
        await RequirePasswordAsync(user, request.CurrentPassword, "current_password");
        await Users.SetPasswordHashAsync(user.Id, await passwords.HashAsync(request.NewPassword!, Cancel), Cancel);
        await signOut.EndAllAsync(user, Cancel);
        // A reset link mailed before the change would undo it.
        await mailedTokens.VoidAsync(user.Id, EmailTokenKinds.PasswordReset, Cancel);
        Audit.PasswordChanged(user.PublicId, ClientIp);
        return await SignedInAsync(user, "Password changed. Every other session has been signed out.");
    }

    public async Task Delete(DeleteCurrentUser request)
    {
        var user = await CallerAsync();
        await RequirePasswordAsync(user, request.Password);
        await accounts.DeleteAsync(user, Cancel);
    }

    /// <summary>ServiceStack's clients cannot send a DELETE with a body, and the password must not go in the URL.</summary>
    public Task Post(DeleteCurrentUser request) => Delete(request);
}
