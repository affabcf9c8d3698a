using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;

namespace ServiceStack.Metadata;

/// <summary>What a request DTO's validator demands of one property, in the terms of a JSON schema.</summary>
public sealed record PropertyRules(
    bool Required,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    decimal? Minimum,
    decimal? Maximum,
    string? Format)
{
    public static readonly PropertyRules None = new(false, null, null, null, null, null, null);

    /// <summary>The rules of every validated property, by CLR property name; unconditional rules only.</summary>
    public static IReadOnlyDictionary<string, PropertyRules> Of(IValidator? validator)
    {
        if (validator is null)
            return new Dictionary<string, PropertyRules>();
        return validator.CreateDescriptor().GetMembersWithValidators()
            .Where(member => !string.IsNullOrEmpty(member.Key))
            .ToDictionary(
                member => member.Key,
                member => member.Where(c => !c.Options.HasCondition && !c.Options.HasAsyncCondition)
                    .Aggregate(None, (rules, component) => rules.With(component.Validator, component.Options.ErrorCode)));
    }

    private PropertyRules With(IPropertyValidator validator, string? errorCode) => validator switch
    {
        INotNullValidator or INotEmptyValidator => this with { Required = true, MinLength = validator is INotEmptyValidator ? MinLength ?? 1 : MinLength },
        ILengthValidator length => this with
        {
            MinLength = length.Min > 0 ? length.Min : MinLength,
            MaxLength = length.Max > 0 ? length.Max : MaxLength,
        },
        IRegularExpressionValidator regex => this with { Pattern = regex.Expression },
        IEmailValidator => this with { Format = "email" },
        IBetweenValidator between => this with { Minimum = Number(between.From), Maximum = Number(between.To) },
        // A custom rule that reports itself as an Email error (ServiceStack's code) checks an address.
        _ when errorCode == "Email" => this with { Format = "email" },
        _ => this,
    };

    private static decimal? Number(object? value) =>
        value is IConvertible convertible ? convertible.ToDecimal(CultureInfo.InvariantCulture) : null;
}
