using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using LinqToDB;
using LinqToDB.Async;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>What users do to their own account: change the password, delete it.</summary>
public class AccountServices(AppDb db, UserAccounts accounts, PasswordHasher passwords, Sessions sessions, SecurityStamps stamps, AuditLog audit) : Service
{
    public async Task<TokenResponse> Put(ChangePassword request)
    {
        var user = await accounts.CallerAsync(User, HttpContext.RequestAborted);
        if (!await passwords.VerifyAsync(request.CurrentPassword!, user.PasswordHash, HttpContext.RequestAborted))
            throw HttpError.BadRequest("current_password does not match.", "InvalidPassword").ForField("current_password");

        await db.Users.Where(u => u.Id == user.Id).Set(u => u.PasswordHash, await passwords.HashAsync(request.NewPassword!, HttpContext.RequestAborted)).UpdateAsync(HttpContext.RequestAborted);
        await stamps.RevokeEverywhereAsync(db, user, HttpContext.RequestAborted);
        var session = await sessions.StartAsync(user, HttpContext.RequestAborted);
        audit.PasswordChanged(user.PublicId);
        return session.ToResponse("Password changed. Every other session has been signed out.");
    }

    public async Task Delete(DeleteCurrentUser request)
    {
        var user = await accounts.CallerAsync(User, HttpContext.RequestAborted);
        if (!await passwords.VerifyAsync(request.Password ?? "", user.PasswordHash, HttpContext.RequestAborted))
            throw HttpError.BadRequest("password does not match.", "InvalidPassword").ForField("password");
        await accounts.DeleteAsync(user, HttpContext.RequestAborted);
    }
}
