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

    /// <summary>
    /// The rules of every validated property, by CLR property name: unconditional rules only, so a
    /// rule inside <c>When(…)</c> (a rule-level condition) or with its own condition says nothing.
    /// </summary>
    public static IReadOnlyDictionary<string, PropertyRules> Of(IValidator? validator)
    {
        if (validator is null)
            return new Dictionary<string, PropertyRules>();
        return validator.CreateDescriptor().Rules
            .Where(rule => !string.IsNullOrEmpty(rule.PropertyName) && !rule.HasCondition && !rule.HasAsyncCondition)
            .GroupBy(rule => rule.PropertyName!)
            .ToDictionary(
                rules => rules.Key,
                rules => rules.SelectMany(rule => rule.Components)
                    .Where(component => !component.HasCondition && !component.HasAsyncCondition)
                    .Aggregate(None, (found, component) => found.With(component.Validator, component.ErrorCode)));
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
