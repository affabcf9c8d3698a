namespace ServiceStack;

/// <summary>The request needs a valid bearer token.</summary>
/// <remarks>
/// A missing token is answered with <see cref="StatusCode"/> (401 unless set); a token that is
/// present but invalid, expired or revoked is always a 401 TokenException.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public class ValidateIsAuthenticatedAttribute : Attribute
{
    public int StatusCode { get; set; } = 401;
}

/// <summary>The request needs a valid bearer token whose roles include <see cref="Role"/> (403 otherwise).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public class ValidateHasRoleAttribute(string role) : ValidateIsAuthenticatedAttribute
{
    public string Role { get; } = role;
}

/// <summary>Shorthand for <c>[ValidateHasRole("Admin")]</c>.</summary>
public sealed class ValidateIsAdminAttribute() : ValidateHasRoleAttribute(RoleNames.Admin);

public static class RoleNames
{
    public const string Admin = "Admin";
}

/// <summary>
/// The request needs a valid bearer token whose user holds every one of <see cref="RequiredRoles"/>
/// (403 otherwise). As in ServiceStack, the <c>Admin</c> role passes every role check.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public class RequiredRoleAttribute(params string[] roles) : Attribute
{
    public List<string> RequiredRoles { get; } = [.. roles];
}

/// <summary>
/// The request needs a valid bearer token whose user holds every one of
/// <see cref="RequiredPermissions"/> (403 otherwise). As in ServiceStack, the <c>Admin</c> role
/// holds every permission.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public class RequiredPermissionAttribute(params string[] permissions) : Attribute
{
    public List<string> RequiredPermissions { get; } = [.. permissions];
}
