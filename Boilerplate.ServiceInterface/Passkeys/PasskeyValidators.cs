using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.ServiceInterface.Passkeys;

public static class PasskeyRules
{
    public const int MaxNameLength = 100;

    public static IRuleBuilderOptions<T, string?> PasskeyName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxNameLength).WithMessage($"name must be at most {MaxNameLength} characters.");
}

public sealed class AddPasskeyValidator : AbstractValidator<AddPasskey>
{
    public AddPasskeyValidator()
    {
        RuleFor(x => x.CeremonyId).NotEmpty().WithMessage("ceremony_id is required: the one BeginPasskeyRegistration answered.");
        RuleFor(x => x.Credential).NotEmpty().WithMessage("credential is required: the JSON text of what startRegistration resolved to.");
        RuleFor(x => x.Name).PasskeyName();
    }
}

public sealed class RenamePasskeyValidator : AbstractValidator<RenamePasskey>
{
    public RenamePasskeyValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Name).NotEmpty().WithMessage("name is required.")
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithErrorCode("NotEmpty").WithMessage("name is required.")
            .PasskeyName();
    }
}

public sealed class DeletePasskeyValidator : AbstractValidator<DeletePasskey>
{
    public DeletePasskeyValidator() =>
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required to remove a passkey.");
}

public sealed class PasskeySignInValidator : AbstractValidator<PasskeySignIn>
{
    public PasskeySignInValidator()
    {
        RuleFor(x => x.CeremonyId).NotEmpty().WithMessage("ceremony_id is required: the one BeginPasskeySignIn answered.");
        RuleFor(x => x.Credential).NotEmpty().WithMessage("credential is required: the JSON text of what startAuthentication resolved to.");
    }
}
