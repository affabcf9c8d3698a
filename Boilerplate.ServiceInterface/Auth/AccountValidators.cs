using System.Net.Mail;
using System.Text;
using Boilerplate.ServiceModel;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Auth;

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator(IOptions<AuthSettings> settings)
    {
        // One message per field: the first rule a value breaks.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.")
            .MaximumLength(255).WithMessage("email must be at most 255 characters.")
            .Must(BeAnEmailAddress!).WithErrorCode("Email").WithMessage("email must be a valid email address.");
        RuleFor(x => x.Username).NotEmpty().WithMessage("username is required.")
            .Matches("^[A-Za-z0-9_.-]{3,50}$")
            .WithMessage("username must be 3 to 50 characters: letters, digits, '_', '.' or '-'.");
        RuleFor(x => x.Password).Password(settings.Value.MinPasswordLength, "password");
    }

    private static bool BeAnEmailAddress(string email) =>
        MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal);
}

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

public static class PasswordRules
{
    public static IRuleBuilderOptions<T, string?> Password<T>(this IRuleBuilder<T, string?> rule, int minLength, string field) =>
        rule.NotEmpty().WithMessage($"{field} is required.")
            .MinimumLength(minLength).WithMessage($"{field} must be at least {minLength} characters.")
            .Must(p => Encoding.UTF8.GetByteCount(p!) <= PasswordHasher.MaxPasswordBytes)
            .WithErrorCode("MaximumLength")
            .WithMessage($"{field} must be at most {PasswordHasher.MaxPasswordBytes} bytes.");
}
