using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.ServiceInterface.Users;

public static class UserMapping
{
    /// <remarks>A field added here is one <see cref="UserCache"/> shows: evict where it is written (see UserStore).</remarks>
    public static User ToDto(UserRecord user, RoleCatalog roles) => new()
    {
        PublicId = user.PublicId,
        Email = user.Email,
        Username = user.Username,
        Admin = user.Admin,
        Roles = [.. RoleCatalog.RolesOf(user)],
        Permissions = [.. roles.PermissionsOf(user)],
        // The database keeps no DateTimeKind; everything is stored in UTC.
        RegisteredOn = DateTime.SpecifyKind(user.RegisteredOn, DateTimeKind.Utc),
        Locked = user.Locked ? true : null,
        EmailVerified = user.EmailVerified,
        MfaEnabled = user.MfaEnabled,
    };
}
