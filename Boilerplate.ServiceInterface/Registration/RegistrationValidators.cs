using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Registration;

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator(IOptions<AuthSettings> settings)
    {
        // One message per field: the first rule a value breaks.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Email).EmailAddress("email");
        RuleFor(x => x.Username).NotEmpty().WithMessage("username is required.")
            .Matches("^[A-Za-z0-9_.-]{3,50}$")
            .WithMessage("username must be 3 to 50 characters: letters, digits, '_', '.' or '-'.");
        RuleFor(x => x.Password).Password(settings.Value.MinPasswordLength, "password");
    }

}
