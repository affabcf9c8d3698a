using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using FluentValidation;

namespace Boilerplate.ServiceInterface.ApiKeys;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public const int MaxExpiryDays = 3650;

    public CreateApiKeyValidator()
    {
        RuleFor(x => x.Name).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("name is required: what the key is for.")
            .MaximumLength(100).WithMessage("name must be at most 100 characters.");
        RuleFor(x => x.Scopes).Must(scopes => scopes is null || scopes.All(PermissionNames.All.Contains))
            .WithErrorCode("UnknownPermission")
            .WithMessage(_ => $"Unknown scope; scopes are permissions, and the service knows {string.Join(", ", PermissionNames.All)}.");
        RuleFor(x => x.ExpiresInDays).InclusiveBetween(1, MaxExpiryDays)
            .WithMessage($"expiresInDays must be 1 to {MaxExpiryDays}, or left out for a key that does not expire.");
    }
}
