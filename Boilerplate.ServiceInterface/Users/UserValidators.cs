using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.ServiceInterface.Users;

public sealed class GetUsersValidator : AbstractValidator<GetUsers>
{
    public const int MaxPerPage = 100;
    public const int MaxSearchLength = 100;

    public GetUsersValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Page).InclusiveBetween(1, 1_000_000).WithMessage("page must be between 1 and 1000000.");
        RuleFor(x => x.PerPage).InclusiveBetween(1, MaxPerPage).WithMessage($"per_page must be between 1 and {MaxPerPage}.");
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength).Must(search => search!.Trim().Length >= UserList.MinSearchLength)
            .When(x => !string.IsNullOrWhiteSpace(x.Search), ApplyConditionTo.CurrentValidator)
            .WithMessage($"search must be {UserList.MinSearchLength} to {MaxSearchLength} characters.")
            // No address or name a person types has one, and PostgreSQL's index keeps a user's two behind a newline.
            .Must(search => search is null || !search.Any(char.IsControl)).WithMessage("search must not contain control characters.");
    }
}
