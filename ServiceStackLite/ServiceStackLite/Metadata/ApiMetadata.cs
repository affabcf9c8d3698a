using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using ServiceStack.NativeTypes;
using ServiceStack.Routing;

namespace ServiceStack.Metadata;

/// <summary>
/// What the OpenAPI document and the /metadata page say about the API, gathered once: the
/// operations and types (the same reflection as Add ServiceStack Reference), the DTOs' doc
/// comments, their validators' rules and the type of every error body.
/// </summary>
public sealed class ApiMetadata
{
    private readonly Dictionary<Type, MetadataType> typesByClr;
    private readonly Dictionary<Type, IReadOnlyDictionary<string, PropertyRules>> rules;
    private readonly ServiceCatalog catalog;

    private ApiMetadata(NativeTypesMetadata types, XmlDocs docs, Type errorBodyType, Dictionary<Type, IReadOnlyDictionary<string, PropertyRules>> rules, ServiceCatalog catalog)
    {
        Types = types;
        Docs = docs;
        ErrorBodyType = errorBodyType;
        this.rules = rules;
        this.catalog = catalog;
        typesByClr = types.Operations.Select(o => o.Request).Concat(types.Types).ToDictionary(t => t.ClrType);
    }

    public static ApiMetadata Create(IServiceProvider services)
    {
        var catalog = services.GetRequiredService<ServiceCatalog>();
        var options = services.GetRequiredService<ServiceStackLiteOptions>();
        var errorBodyType = options.CreateErrorBody(new ResponseStatus()).GetType();
        var types = MetadataBuilder.Build(catalog, [errorBodyType]);
        var docs = XmlDocs.Load(types.Operations.Select(o => o.Request).Concat(types.Types).Select(t => t.ClrType.Assembly));
        var rules = catalog.Operations.ToDictionary(
            o => o.RequestType,
            o => PropertyRules.Of(services.GetService(o.ValidatorType) as IValidator));
        return new ApiMetadata(types, docs, errorBodyType, rules, catalog);
    }

    public NativeTypesMetadata Types { get; }

    public XmlDocs Docs { get; }

    /// <summary>The body every error is written as (see <see cref="ServiceStackLiteOptions.CreateErrorBody"/>).</summary>
    public Type ErrorBodyType { get; }

    public IEnumerable<MetadataOperationType> Operations => Types.Operations;

    /// <summary>The operation's guard, null when anyone may call it.</summary>
    public ValidateIsAuthenticatedAttribute? GuardOf(MetadataOperationType operation) => OperationOf(operation).Guard;

    /// <summary><c>[OptionalAuthentication]</c>: open to anyone, reading a bearer token when one is sent.</summary>
    public bool ReadsOptionalToken(MetadataOperationType operation) => OperationOf(operation).OptionalAuthentication;

    /// <summary>The <c>[RateLimited]</c> budget the operation draws on, null when it is not limited.</summary>
    public string? RateLimitBudgetOf(MetadataOperationType operation) => OperationOf(operation).RateLimitBudget;

    /// <summary>The properties a request is read with on <paramref name="verb"/>: all but those whose <c>[ApiMember(Verb)]</c> names other verbs.</summary>
    public IReadOnlyList<MetadataPropertyType> PropertiesFor(MetadataType request, string verb) =>
        AllPropertiesOf(request).Where(p => ApiMemberOf(request, p)?.Verb is not { } verbs
            || verbs.Split(',', StringSplitOptions.TrimEntries).Contains(verb, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary><c>[Secret]</c>: a password or token, documented only in the request body.</summary>
    public static bool IsSecret(MetadataType owner, MetadataPropertyType property) =>
        owner.ClrType.GetProperty(property.Name)?.IsDefined(typeof(ServiceStackLite.SecretAttribute), inherit: true) == true;

    private Operation OperationOf(MetadataOperationType operation) => catalog.Find(operation.Request.Name)!;

    private static ApiMemberAttribute? ApiMemberOf(MetadataType owner, MetadataPropertyType property) =>
        owner.ClrType.GetProperty(property.Name)?.GetCustomAttribute<ApiMemberAttribute>();

    public MetadataType TypeOf(Type clrType) => typesByClr[clrType];

    /// <summary>A type's properties with its bases' first, as they travel on the wire.</summary>
    public IReadOnlyList<MetadataPropertyType> AllPropertiesOf(MetadataType type) =>
        type.Inherits is { } baseName && typesByClr.TryGetValue(baseName.ClrType, out var baseType)
            ? [.. AllPropertiesOf(baseType), .. type.Properties]
            : type.Properties;

    public PropertyRules RulesOf(MetadataType request, MetadataPropertyType property) =>
        rules.GetValueOrDefault(request.ClrType)?.GetValueOrDefault(property.Name) ?? PropertyRules.None;

    /// <summary>A property's <c>[ApiMember(Description)]</c>, else its doc comment, looked up on the type that declares it.</summary>
    public string? DescriptionOf(MetadataType owner, MetadataPropertyType property)
    {
        if (ApiMemberOf(owner, property)?.Description is { } described)
            return described;
        for (var type = owner; type is not null; type = type.Inherits is { } b ? typesByClr.GetValueOrDefault(b.ClrType) : null)
        {
            if (type.Properties.Contains(property))
                return Docs.Summary(type.ClrType, property.Name);
        }
        return null;
    }
}
