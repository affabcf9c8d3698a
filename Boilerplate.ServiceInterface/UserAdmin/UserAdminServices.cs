using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.ServiceInterface.UserAdmin;

/// <summary>
/// What holders of the user permissions do to accounts: grant or remove admin rights, lock, unlock,
/// delete; an admin's account only an admin may touch. Every act is audited.
/// </summary>
public class UserAdminServices(UserAccounts accounts) : AppService
{
    public async Task<User> Put(SetUserAdmin request)
    {
        var user = await ManagedUserAsync(request.PublicId);
        var admin = request.Admin!.Value;
        if (user.Admin != admin)
        {
            await AuditedAsync(admin ? AuditEventNames.AdminGranted : AuditEventNames.AdminRemoved, user.PublicId, () => accounts.SetAdminAsync(user, admin, Cancel));
            Audited(admin ? "grant admin" : "remove admin", user);
        }
        return Shown(user);
    }

    public async Task<User> Post(LockUser request)
    {
        var user = await ManagedUserAsync(request.PublicId);
        await AuditedAsync(AuditEventNames.UserLocked, user.PublicId, () => accounts.LockAsync(user, Cancel));
        Audited("lock", user);
        return Shown(user);
    }

    public async Task<User> Post(UnlockUser request)
    {
        var user = await ManagedUserAsync(request.PublicId);
        await AuditedAsync(AuditEventNames.UserUnlocked, user.PublicId, () => accounts.UnlockAsync(user, Cancel));
        Audited("unlock", user);
        return Shown(user);
    }

    public async Task Delete(DeleteUser request)
    {
        var user = await ManagedUserAsync(request.PublicId);
        await AuditedAsync(AuditEventNames.UserDeleted, user.PublicId, () => accounts.DeleteAsync(user, Cancel), $"email={user.Email} username={user.Username}");
        Audited("delete", user);
    }

    private void Audited(string action, UserRecord target) => Audit.AdminAction(GetSession().UserAuthId!, action, target.PublicId, ClientIp);
}
