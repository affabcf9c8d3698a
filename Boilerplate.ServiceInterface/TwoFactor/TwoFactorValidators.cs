using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.ServiceInterface.TwoFactor;

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
