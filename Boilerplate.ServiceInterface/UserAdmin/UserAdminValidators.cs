using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.ServiceInterface.UserAdmin;

public sealed class SetUserAdminValidator : AbstractValidator<SetUserAdmin>
{
    public SetUserAdminValidator() =>
        RuleFor(x => x.Admin).NotNull().WithMessage("admin is required: true or false.");
}
