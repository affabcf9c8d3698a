using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using FluentValidation;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Roles;

internal static class RoleRules
{
    /// <summary>What a role may be called: no space (a column holds names separated by spaces), nothing a URL must escape.</summary>
    public static IRuleBuilderOptions<T, string?> RoleName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("name is required.")
            .Matches("^[A-Za-z][A-Za-z0-9._-]{0,49}$")
            .WithMessage("name must be 1 to 50 letters, digits, '.', '_' or '-', starting with a letter.")
            .NotEqual(RoleNames.Admin).WithErrorCode("BuiltIn").WithMessage("Admin is built in: it holds every permission and cannot be changed.");

    public static IRuleBuilderOptions<T, List<string>?> KnownPermissions<T>(this IRuleBuilder<T, List<string>?> rule) =>
        rule.Must(permissions => permissions is null || permissions.All(PermissionNames.All.Contains))
            .WithErrorCode("UnknownPermission")
            .WithMessage(x => $"Unknown permission; the service knows {string.Join(", ", PermissionNames.All)}.");

    public static IRuleBuilderOptions<T, List<string>?> KnownRoles<T>(this IRuleBuilder<T, List<string>?> rule, RoleCatalog catalog) =>
        rule.Must(roles => roles is null || roles.All(catalog.Exists))
            .WithErrorCode("UnknownRole")
            .WithMessage(_ => $"Unknown role; the roles are {string.Join(", ", catalog.Roles.Keys.Order(StringComparer.Ordinal).Prepend(RoleNames.Admin))}.");
}

public sealed class SaveRoleValidator : AbstractValidator<SaveRole>
{
    public SaveRoleValidator()
    {
        RuleFor(x => x.Name).RoleName();
        RuleFor(x => x.Permissions).NotNull().WithMessage("permissions is required: a list, empty for none.").KnownPermissions();
    }
}

public sealed class DeleteRoleValidator : AbstractValidator<DeleteRole>
{
    public DeleteRoleValidator() => RuleFor(x => x.Name).RoleName();
}

public sealed class AssignRolesValidator : AbstractValidator<AssignRoles>
{
    public AssignRolesValidator(RoleCatalog catalog)
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage("userName is required: the user's username or email.");
        RuleFor(x => x.Roles).KnownRoles(catalog);
        RuleFor(x => x.Permissions).KnownPermissions();
    }
}

public sealed class UnAssignRolesValidator : AbstractValidator<UnAssignRoles>
{
    public UnAssignRolesValidator() =>
        RuleFor(x => x.UserName).NotEmpty().WithMessage("userName is required: the user's username or email.");
}
