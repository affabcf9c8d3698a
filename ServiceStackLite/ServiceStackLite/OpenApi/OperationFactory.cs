using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using ServiceStack.Metadata;
using ServiceStack.NativeTypes;

namespace ServiceStack.OpenApi;

/// <summary>The OpenAPI operation for one verb of one route of a request DTO.</summary>
internal sealed partial class OperationFactory(ApiMetadata metadata, SchemaFactory schemas, OpenApiDocument document)
{
    public const string BearerScheme = "Bearer";
    private static readonly string[] BodyVerbs = ["POST", "PUT", "PATCH"];

    /// <summary>The request DTOs some operation takes as its body: the only ones the document needs as components.</summary>
    public HashSet<MetadataType> Bodies { get; } = [];

    public OpenApiOperation Create(MetadataOperationType operation, string path, string verb, string operationId, string tag)
    {
        var request = operation.Request;
        var properties = metadata.PropertiesFor(request, verb);
        var pathVariables = PathVariables(path);
        var inPath = properties.Where(p => pathVariables.Contains(p.WireName, StringComparer.OrdinalIgnoreCase)).ToList();
        var rest = properties.Except(inPath).ToList();
        // A secret never goes in the URL, so an operation that takes one has a body whatever its verb.
        var hasBody = rest.Count > 0 && (BodyVerbs.Contains(verb) || rest.Any(p => ApiMetadata.IsSecret(request, p)));
        if (hasBody)
            Bodies.Add(request);

        var parameters = pathVariables.Select(name => PathParameter(request, name, inPath)).ToList();
        if (!hasBody)
            parameters.AddRange(rest.Select(p => QueryParameter(request, p)));

        return new OpenApiOperation
        {
            OperationId = operationId,
            Summary = metadata.Docs.Summary(request.ClrType),
            Description = metadata.Docs.Remarks(request.ClrType),
            Tags = new HashSet<OpenApiTagReference> { new(tag, document) },
            Parameters = parameters.Count > 0 ? parameters : null,
            RequestBody = hasBody ? Body(request) : null,
            Responses = Responses(operation),
            Security = Security(operation),
        };
    }

    /// <summary>A guarded operation needs the bearer token; one marked optional may send it; any other needs nothing (an empty list says so).</summary>
    private List<OpenApiSecurityRequirement> Security(MetadataOperationType operation)
    {
        if (metadata.GuardOf(operation) is not null)
            return [BearerRequirement()];
        return metadata.ReadsOptionalToken(operation) ? [new OpenApiSecurityRequirement(), BearerRequirement()] : [];
    }

    private IOpenApiParameter PathParameter(MetadataType request, string name, List<MetadataPropertyType> inPath)
    {
        var property = inPath.FirstOrDefault(p => p.WireName.Equals(name, StringComparison.OrdinalIgnoreCase));
        return new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Path,
            Required = true,
            Schema = property is null
                ? new OpenApiSchema { Type = JsonSchemaType.String }
                : schemas.ForProperty(request, property, metadata.RulesOf(request, property), describe: false),
            Description = property is null ? null : metadata.DescriptionOf(request, property),
        };
    }

    private IOpenApiParameter QueryParameter(MetadataType request, MetadataPropertyType property)
    {
        var rules = metadata.RulesOf(request, property);
        return new OpenApiParameter
        {
            Name = property.WireName,
            In = ParameterLocation.Query,
            Required = rules.Required,
            Schema = schemas.ForProperty(request, property, rules, describe: false),
            Description = metadata.DescriptionOf(request, property),
        };
    }

    private OpenApiRequestBody Body(MetadataType request) => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(request.Name, document) },
        },
    };

    private OpenApiResponses Responses(MetadataOperationType operation)
    {
        var responses = new OpenApiResponses();
        foreach (var entry in ResponseList.Of(operation, metadata))
        {
            responses[entry.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = entry.Description,
                Content = entry.BodyType is null ? null : new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = schemas.For(entry.BodyType) },
                },
            };
        }
        return responses;
    }

    private OpenApiSecurityRequirement BearerRequirement() => new()
    {
        [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
    };

    private static List<string> PathVariables(string path) =>
        PathVariable().Matches(path).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathVariable();
}
