using System.Net.Mail;
using System.Text;
using Boilerplate.ServiceInterface.Passwords;
using FluentValidation;

namespace Boilerplate.ServiceInterface.Users;

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

public static class TextRules
{
    /// <summary>
    /// A sign-in name with NUL can match no account (none can be stored with one), and PostgreSQL
    /// cannot even compare it: refused alike on every database.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> NoNulCharacter<T>(this IRuleBuilderOptions<T, string?> rule, string field) =>
        rule.Must(value => value is null || !value.Contains('\0', StringComparison.Ordinal))
            .WithMessage($"{field} must not contain the NUL character.");
}
