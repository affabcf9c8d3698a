using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.ServiceInterface.Auth;

public sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.");
    }
}

public sealed class AuthenticateValidator : AbstractValidator<Authenticate>
{
    public AuthenticateValidator()
    {
        // With neither provider nor userName the request only asks who is signed in.
        When(x => !string.IsNullOrEmpty(x.Provider) || !string.IsNullOrEmpty(x.UserName), () =>
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage("userName is required.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.");
        });
    }
}
