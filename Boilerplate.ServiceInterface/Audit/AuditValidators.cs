using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.ServiceInterface.Audit;

public sealed class GetAuditEventsValidator : AbstractValidator<GetAuditEvents>
{
    public const int MaxPerPage = 1000;

    public GetAuditEventsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("page must be 1 or more.");
        RuleFor(x => x.PerPage).InclusiveBetween(1, MaxPerPage).WithMessage($"per_page must be from 1 to {MaxPerPage}.");
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("to must be after from.");
    }
}
