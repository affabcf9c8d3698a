using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.Roles;

/// <summary>
/// Every read and write of <c>roles</c>; scoped to a request. A write reloads this host's
/// <see cref="RoleCatalog"/>; other hosts hear of it through the change stream. The grants on
/// users' rows are written by <see cref="UserStore"/>.
/// </summary>
public sealed class RoleStore(AppDb db, RoleCatalog catalog, UserStore users, TimeProvider clock)
{
    /// <summary>Reads the whole table into this host's catalog: at start, and after any role changed.</summary>
    public async Task LoadAsync(CancellationToken cancel = default) =>
        catalog.Replace(await db.Roles.ToListAsync(cancel));

    public async Task SaveAsync(string name, IEnumerable<string> permissions, CancellationToken cancel = default)
    {
        await db.InsertOrReplaceAsync(new RoleRecord { Name = name, Permissions = GrantNames.Format(permissions), UpdatedOn = clock.GetUtcNow().UtcDateTime }, token: cancel);
        await LoadAsync(cancel);
    }

    /// <summary>Deletes the role and takes it from every user holding it, in one transaction; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancel = default)
    {
        var holders = await db.AtomicallyAsync(async () =>
            await db.Roles.Where(r => r.Name == name).DeleteAsync(cancel) == 0 ? null : await users.TakeRoleFromAllAsync(name, cancel), cancel);
        if (holders is null)
            return false;
        foreach (var holder in holders)
            users.Committed(holder);
        await LoadAsync(cancel);
        return true;
    }
}
