using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ServiceStack.Metadata;
using ServiceStack.NativeTypes;

namespace ServiceStack.OpenApi;

/// <summary>JSON schemas of the DTOs as they travel: wire names, inherited properties included, formats and validator rules.</summary>
internal sealed class SchemaFactory(ApiMetadata metadata, OpenApiDocument document)
{
    /// <summary>
    /// The component schema of a DTO. A request's required fields are those its validator
    /// demands; a response's are those it always sends (nulls are omitted, so nullable ones may be absent).
    /// </summary>
    public OpenApiSchema ForType(MetadataType type, bool isRequest)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = metadata.Docs.Summary(type.ClrType),
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new SortedSet<string>(StringComparer.Ordinal),
        };
        foreach (var property in metadata.AllPropertiesOf(type))
        {
            var rules = isRequest ? metadata.RulesOf(type, property) : PropertyRules.None;
            schema.Properties[property.WireName] = ForProperty(type, property, rules);
            if (isRequest ? rules.Required : property.IsNullable is null)
                schema.Required.Add(property.WireName);
        }
        return schema;
    }

    /// <summary>A property's schema with its validator's constraints, and its description unless a parameter carries that.</summary>
    public IOpenApiSchema ForProperty(MetadataType owner, MetadataPropertyType property, PropertyRules rules, bool describe = true)
    {
        var schema = For(property.ClrType);
        var description = describe ? metadata.DescriptionOf(owner, property) : null;
        if (schema is not OpenApiSchema inline)
            return schema is OpenApiSchemaReference reference && description is not null
                ? new OpenApiSchemaReference(reference.Reference.Id!, document) { Description = description }
                : schema;

        inline.Description = description;
        if (inline.Type == JsonSchemaType.String)
        {
            inline.MinLength = rules.MinLength;
            inline.MaxLength = rules.MaxLength;
            inline.Pattern = rules.Pattern;
            inline.Format = rules.Format ?? inline.Format;
        }
        if (inline.Type is JsonSchemaType.Integer or JsonSchemaType.Number)
        {
            inline.Minimum = rules.Minimum?.ToString(CultureInfo.InvariantCulture);
            inline.Maximum = rules.Maximum?.ToString(CultureInfo.InvariantCulture);
        }
        return inline;
    }

    public IOpenApiSchema For(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return For(underlying);
        if (Primitive(type) is var (kind, format) && kind != 0)
            return new OpenApiSchema { Type = kind, Format = format };
        if (type.IsEnum)
            return new OpenApiSchema { Type = JsonSchemaType.String, Enum = Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n)).ToList() };
        if (DictionaryValueType(type) is { } valueType)
            return new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = For(valueType) };
        if (ElementType(type) is { } elementType)
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = For(elementType) };
        return new OpenApiSchemaReference(type.Name, document);
    }

    private static (JsonSchemaType Kind, string? Format) Primitive(Type type) => type switch
    {
        _ when type == typeof(string) || type == typeof(char) => (JsonSchemaType.String, null),
        _ when type == typeof(bool) => (JsonSchemaType.Boolean, null),
        _ when type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort) || type == typeof(int) => (JsonSchemaType.Integer, "int32"),
        _ when type == typeof(uint) || type == typeof(long) || type == typeof(ulong) => (JsonSchemaType.Integer, "int64"),
        _ when type == typeof(float) => (JsonSchemaType.Number, "float"),
        _ when type == typeof(double) || type == typeof(decimal) => (JsonSchemaType.Number, "double"),
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => (JsonSchemaType.String, "date-time"),
        _ when type == typeof(DateOnly) => (JsonSchemaType.String, "date"),
        _ when type == typeof(TimeSpan) => (JsonSchemaType.String, "duration"),
        _ when type == typeof(Guid) => (JsonSchemaType.String, "uuid"),
        _ when type == typeof(Uri) => (JsonSchemaType.String, "uri"),
        _ => (0, null),
    };

    private static Type? DictionaryValueType(Type type) =>
        InterfacesOf(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            ?.GetGenericArguments()[1];

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : InterfacesOf(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];

    private static IEnumerable<Type> InterfacesOf(Type type) =>
        type.IsInterface ? type.GetInterfaces().Prepend(type) : type.GetInterfaces();
}
