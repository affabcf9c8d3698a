using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>What admins do to accounts: grant or remove admin rights, lock, unlock, delete. Every act is audited.</summary>
public class UserAdminServices(UserStore users, UserAccounts accounts, AuditLog audit) : Service
{
    public async Task<User> Put(SetUserAdmin request)
    {
        var user = await TargetAsync(request.PublicId);
        var changes = user.Admin != request.Admin;
        await accounts.SetAdminAsync(user, request.Admin!.Value, Request.RequestAborted);
        if (changes)
            Audit(user.Admin ? "grant admin" : "remove admin", user);
        return UserMapping.ToDto(user);
    }

    public async Task<User> Post(LockUser request)
    {
        var user = await TargetAsync(request.PublicId);
        await accounts.LockAsync(user, Request.RequestAborted);
        Audit("lock", user);
        return UserMapping.ToDto(user);
    }

    public async Task<User> Post(UnlockUser request)
    {
        var user = await TargetAsync(request.PublicId);
        await accounts.UnlockAsync(user, Request.RequestAborted);
        Audit("unlock", user);
        return UserMapping.ToDto(user);
    }

    public async Task Delete(DeleteUser request)
    {
        var user = await TargetAsync(request.PublicId);
        await accounts.DeleteAsync(user, Request.RequestAborted);
        Audit("delete", user);
    }

    private void Audit(string action, UserRecord target) => audit.AdminAction(GetSession().UserAuthId!, action, target.PublicId, Request.RemoteIp);

    private async Task<UserRecord> TargetAsync(string? publicId) =>
        await users.FindByRouteIdAsync(publicId, Request.RequestAborted) ?? throw HttpError.NotFound("User not found.");
}
