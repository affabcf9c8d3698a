using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.OwnAccount;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator(IOptions<AuthSettings> settings)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("current_password is required.");
        RuleFor(x => x.NewPassword).Password(settings.Value.MinPasswordLength, "new_password");
    }
}

public sealed class DeleteCurrentUserValidator : AbstractValidator<DeleteCurrentUser>
{
    public DeleteCurrentUserValidator() =>
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required to delete your account.");
}
