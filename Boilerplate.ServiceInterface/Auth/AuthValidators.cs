using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.ServiceInterface.Auth;

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

internal static class TextRules
{
    /// <summary>
    /// A sign-in name with NUL can match no account (none can be stored with one), and PostgreSQL
    /// cannot even compare it: refused alike on every database.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> NoNulCharacter<T>(this IRuleBuilderOptions<T, string?> rule, string field) =>
        rule.Must(value => value is null || !value.Contains('\0', StringComparison.Ordinal))
            .WithMessage($"{field} must not contain the NUL character.");
}
