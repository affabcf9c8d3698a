using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using LinqToDB;
using LinqToDB.Async;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>What admins do to accounts: grant or remove admin rights, lock, unlock, delete.</summary>
public class UserAdminServices(AppDb db, UserAccounts accounts, SecurityStamps stamps, AuditLog audit) : Service
{
    public async Task<User> Put(SetUserAdmin request)
    {
        var user = await TargetAsync(request.PublicId);
        if (request.Admin == user.Admin)
            return UserMapping.ToDto(user);
        Task Change() => db.Users.Where(u => u.Id == user.Id).Set(u => u.Admin, request.Admin!.Value).UpdateAsync(HttpContext.RequestAborted);
        if (request.Admin!.Value)
            await Change();
        else
            await accounts.KeepingAnAdminAsync(user, Change, HttpContext.RequestAborted);
        user.Admin = request.Admin.Value;
        // Rights removed must be gone from the tokens already out there, not only from new ones.
        if (!user.Admin)
            await stamps.RevokeEverywhereAsync(db, user, HttpContext.RequestAborted);
        Audit(user.Admin ? "grant admin" : "remove admin", user);
        return UserMapping.ToDto(user);
    }

    public async Task<User> Post(LockUser request)
    {
        var user = await TargetAsync(request.PublicId);
        await accounts.KeepingAnAdminAsync(user,
            () => db.Users.Where(u => u.Id == user.Id).Set(u => u.Locked, true).UpdateAsync(HttpContext.RequestAborted),
            HttpContext.RequestAborted);
        user.Locked = true;
        await stamps.RevokeEverywhereAsync(db, user, HttpContext.RequestAborted);
        Audit("lock", user);
        return UserMapping.ToDto(user);
    }

    public async Task<User> Post(UnlockUser request)
    {
        var user = await TargetAsync(request.PublicId);
        await db.Users.Where(u => u.Id == user.Id).Set(u => u.Locked, false).UpdateAsync(HttpContext.RequestAborted);
        user.Locked = false;
        Audit("unlock", user);
        return UserMapping.ToDto(user);
    }

    public async Task Delete(DeleteUser request)
    {
        var user = await TargetAsync(request.PublicId);
        await accounts.DeleteAsync(user, HttpContext.RequestAborted);
        Audit("delete", user);
    }

    private void Audit(string action, UserRecord target) => audit.AdminAction(User.PublicId()!, action, target.PublicId);

    private async Task<UserRecord> TargetAsync(string? publicId)
    {
        var id = Guid.TryParse(publicId, out var parsed) ? parsed.ToString() : null;
        return await db.Users.FirstOrDefaultAsync(u => u.PublicId == id, HttpContext.RequestAborted)
            ?? throw HttpError.NotFound("User not found.");
    }
}
