using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.ServiceInterface.SignIn;

public sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").NoNulCharacter("email");
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.");
    }
}

public sealed class AuthenticateValidator : AbstractValidator<Authenticate>
{
    public AuthenticateValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        // With neither provider nor userName the request only asks who is signed in.
        When(x => !string.IsNullOrEmpty(x.Provider) || !string.IsNullOrEmpty(x.UserName), () =>
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage("userName is required.").NoNulCharacter("userName");
            RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.");
        });
    }
}

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
