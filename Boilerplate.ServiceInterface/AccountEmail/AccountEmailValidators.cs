using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.AccountEmail;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator(IOptions<AuthSettings> settings)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Token).NotEmpty().WithMessage("token is required.");
        RuleFor(x => x.NewPassword).Password(settings.Value.MinPasswordLength, "new_password");
    }
}

public sealed class ChangeEmailValidator : AbstractValidator<ChangeEmail>
{
    public ChangeEmailValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.NewEmail).EmailAddress("new_email");
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required to change your address.");
    }
}

public sealed class VerifyEmailValidator : AbstractValidator<VerifyEmail>
{
    public VerifyEmailValidator() => RuleFor(x => x.Token).NotEmpty().WithMessage("token is required.");
}

public sealed class ConfirmEmailChangeValidator : AbstractValidator<ConfirmEmailChange>
{
    public ConfirmEmailChangeValidator() => RuleFor(x => x.Token).NotEmpty().WithMessage("token is required.");
}

/// <summary>Any text that could be an address will do: what is not an account's address is answered exactly like one that is.</summary>
public sealed class ResendVerificationEmailValidator : AbstractValidator<ResendVerificationEmail>
{
    public ResendVerificationEmailValidator() =>
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").MaximumLength(255).WithMessage("email must be at most 255 characters.").NoNulCharacter("email");
}

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator() =>
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").MaximumLength(255).WithMessage("email must be at most 255 characters.").NoNulCharacter("email");
}
