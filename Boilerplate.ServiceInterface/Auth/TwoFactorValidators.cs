using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.ServiceInterface.Auth;

public sealed class LoginMfaValidator : AbstractValidator<LoginMfa>
{
    public LoginMfaValidator()
    {
        RuleFor(x => x.MfaToken).NotEmpty().WithMessage("mfa_token is required.");
        RuleFor(x => x.Code).NotEmpty().When(x => string.IsNullOrEmpty(x.RecoveryCode))
            .WithMessage("code is required: the six digits from the authenticator app, or send recovery_code instead.");
        RuleFor(x => x.RecoveryCode).Empty().When(x => !string.IsNullOrEmpty(x.Code))
            .WithMessage("Send code or recovery_code, not both.");
    }
}

public sealed class EnrollTotpValidator : AbstractValidator<EnrollTotp>
{
    public EnrollTotpValidator() => RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.");
}

public sealed class ConfirmTotpValidator : AbstractValidator<ConfirmTotp>
{
    public ConfirmTotpValidator() => RuleFor(x => x.Code).NotEmpty().WithMessage("code is required.");
}

public sealed class DisableTotpValidator : AbstractValidator<DisableTotp>
{
    public DisableTotpValidator()
    {
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.");
        RuleFor(x => x.Code).NotEmpty().WithMessage("code is required.");
    }
}

public sealed class RegenerateRecoveryCodesValidator : AbstractValidator<RegenerateRecoveryCodes>
{
    public RegenerateRecoveryCodesValidator()
    {
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.");
        RuleFor(x => x.Code).NotEmpty().WithMessage("code is required.");
    }
}
