using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Roles;

/// <summary>
/// Roles and what they grant, and who holds which: ServiceStack's AssignRoles and UnAssignRoles,
/// with Admin kept as the admin flag (and its last-admin rule). Every change is audited.
/// </summary>
public class RoleServices(RoleStore store, RoleCatalog catalog, UserAccounts accounts) : AppService
{
    /// <summary>How often a grant is tried again when another changed the same user's grants meanwhile.</summary>
    private const int Attempts = 5;

    public GetRolesResponse Get(GetRoles request) => new()
    {
        Results = catalog.Roles.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new Role { Name = r.Key, Permissions = [.. r.Value] })
            .Prepend(new Role { Name = RoleNames.Admin, Permissions = [.. PermissionNames.All], BuiltIn = true })
            .ToList(),
        Permissions = [.. PermissionNames.All],
    };

    public async Task<Role> Put(SaveRole request)
    {
        var named = GrantNames.Format(request.Permissions!);
        await AuditedAsync(AuditEventNames.RoleSaved, null, () => store.SaveAsync(request.Name!, request.Permissions!, Cancel), $"role={request.Name} permissions={named}");
        var permissions = catalog.Roles[request.Name!];
        Audit.RoleSaved(await ActorAsync(), request.Name!, named, ClientIp);
        return new Role { Name = request.Name!, Permissions = [.. permissions] };
    }

    public async Task Delete(DeleteRole request)
    {
        await AuditedAsync(AuditEventNames.RoleDeleted, null, async () =>
        {
            if (!await store.DeleteAsync(request.Name!, Cancel))
                throw HttpError.NotFound("No role has that name.");
        }, $"role={request.Name}");
        Audit.RoleDeleted(await ActorAsync(), request.Name!, ClientIp);
    }

    public async Task<AssignRolesResponse> Post(AssignRoles request)
    {
        var roles = request.Roles ?? [];
        var permissions = request.Permissions ?? [];
        var user = await ChangeGrantsAsync(AuditEventNames.RolesAssigned, request.UserName!, roles, permissions, roles.Contains(RoleNames.Admin) ? true : null,
            held => held.Concat(roles.Where(r => r != RoleNames.Admin)), held => held.Concat(permissions));
        Audit.RolesAssigned(await ActorAsync(), user.PublicId, string.Join(' ', roles), string.Join(' ', permissions), ClientIp);
        return new AssignRolesResponse { AllRoles = [.. RoleCatalog.RolesOf(user)], AllPermissions = [.. catalog.PermissionsOf(user)] };
    }

    public async Task<UnAssignRolesResponse> Post(UnAssignRoles request)
    {
        var roles = request.Roles ?? [];
        var permissions = request.Permissions ?? [];
        var user = await ChangeGrantsAsync(AuditEventNames.RolesUnassigned, request.UserName!, roles, permissions, roles.Contains(RoleNames.Admin) ? false : null,
            held => held.Except(roles), held => held.Except(permissions));
        Audit.RolesUnassigned(await ActorAsync(), user.PublicId, string.Join(' ', roles), string.Join(' ', permissions), ClientIp);
        return new UnAssignRolesResponse { AllRoles = [.. RoleCatalog.RolesOf(user)], AllPermissions = [.. catalog.PermissionsOf(user)] };
    }

    /// <summary>
    /// Applies a change to the grants on the user's row as it stands, again if another request
    /// changed them meanwhile, so neither loses the other's; and the admin flag when asked. The
    /// change and its audit row commit together.
    /// </summary>
    private async Task<UserRecord> ChangeGrantsAsync(string eventName, string userName, List<string> named, List<string> namedPermissions, bool? admin,
        Func<IEnumerable<string>, IEnumerable<string>> roles, Func<IEnumerable<string>, IEnumerable<string>> permissions)
    {
        var user = await Users.FindBySignInAsync(userName, Cancel) ?? throw HttpError.NotFound("User not found.");
        var details = $"roles={string.Join(' ', named)} permissions={string.Join(' ', namedPermissions)}";
        UserRecord? changed = null;
        await AuditedAsync(eventName, user.PublicId, async () => changed = await ApplyGrantsAsync(userName, admin, roles, permissions), details);
        return changed!;
    }

    private async Task<UserRecord> ApplyGrantsAsync(
        string userName, bool? admin, Func<IEnumerable<string>, IEnumerable<string>> roles, Func<IEnumerable<string>, IEnumerable<string>> permissions)
    {
        for (var attempt = 1; ; attempt++)
        {
            var user = await Users.FindBySignInAsync(userName, Cancel) ?? throw HttpError.NotFound("User not found.");
            if (user.Admin && !GetSession().Roles.Contains(RoleNames.Admin))
                throw HttpError.Forbidden(AuthMessages.AdminOnlyOnAdmin);
            if (admin is { } makeAdmin)
                await accounts.SetAdminAsync(user, makeAdmin, Cancel);
            var newRoles = GrantNames.Format(roles(GrantNames.Parse(user.Roles)));
            var newPermissions = GrantNames.Format(permissions(GrantNames.Parse(user.Permissions)));
            if (newRoles == user.Roles && newPermissions == user.Permissions)
                return user;
            if (await Users.SetGrantsAsync(user, newRoles, newPermissions, Cancel))
                return user;
            if (attempt == Attempts)
                throw new HttpError(409, "Conflict", "The user's roles keep changing: try again.");
        }
    }

    private async Task<string> ActorAsync() => (await CallerAsync()).PublicId;
}
