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
        RuleFor(x => x.Email).EmailAddress("email");
        RuleFor(x => x.Username).NotEmpty().WithMessage("username is required.")
            .Matches("^[A-Za-z0-9_.-]{3,50}$")
            .WithMessage("username must be 3 to 50 characters: letters, digits, '_', '.' or '-'.");
        RuleFor(x => x.Password).Password(settings.Value.MinPasswordLength, "password");
    }

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
    /// <summary>A real address, one an account could have: at most 255 characters, with a dotted host.</summary>
    public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.NotEmpty().WithMessage($"{field} is required.")
            .MaximumLength(255).WithMessage($"{field} must be at most 255 characters.")
            .Must(email => IsAddress(email!)).WithErrorCode("Email").WithMessage($"{field} must be a valid email address.");

    private static bool IsAddress(string email) =>
        MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal);

    public static IRuleBuilderOptions<T, string?> Password<T>(this IRuleBuilder<T, string?> rule, int minLength, string field) =>
        rule.NotEmpty().WithMessage($"{field} is required.")
            .MinimumLength(minLength).WithMessage($"{field} must be at least {minLength} characters.")
            .Must(p => Encoding.UTF8.GetByteCount(p!) <= PasswordHasher.MaxPasswordBytes)
            .WithErrorCode("MaximumLength")
            .WithMessage($"{field} must be at most {PasswordHasher.MaxPasswordBytes} bytes.");
}

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
