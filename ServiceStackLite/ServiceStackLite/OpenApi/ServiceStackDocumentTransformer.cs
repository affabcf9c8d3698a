using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ServiceStack.Metadata;
using ServiceStack.NativeTypes;

namespace ServiceStack.OpenApi;

/// <summary>
/// Writes every request DTO's routes into the document. The DTO endpoints are plain request
/// delegates, so ASP.NET Core's generator knows nothing of them; the catalog's metadata does.
/// </summary>
internal sealed class ServiceStackDocumentTransformer(ApiMetadata metadata, OpenApiFeatureOptions options) : IOpenApiDocumentTransformer
{
    private static readonly string[] VerbOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = options.Title, Version = options.Version, Description = options.Description };
        // Relative: the explorer calls whichever host served it the document.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
        var schemas = new SchemaFactory(metadata, document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OperationFactory.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The token a registration or login answers with, under Authorization.",
        };

        var tags = new OperationTags(options.Tags);
        var factory = new OperationFactory(metadata, schemas, document);
        var paths = new SortedDictionary<string, OpenApiPathItem>(StringComparer.Ordinal);
        var usedTags = new List<string>();
        foreach (var operation in metadata.Operations)
        {
            var tag = OperationTags.Of(operation.Request.ClrType, operation.Routes.Select(r => r.Path));
            usedTags.Add(tag);
            var uses = 0;
            foreach (var (path, verb) in RoutesOf(operation))
            {
                // The first route keeps the DTO's name; operation ids must be unique.
                var id = ++uses == 1 ? operation.Request.Name : $"{operation.Request.Name}_{uses}";
                if (!paths.TryGetValue(path, out var item))
                    paths[path] = item = new OpenApiPathItem();
                item.AddOperation(HttpMethod.Parse(verb), factory.Create(operation, path, verb, id, tag));
            }
        }

        foreach (var (path, item) in paths)
        {
            item.Operations = item.Operations!.OrderBy(o => Array.IndexOf(VerbOrder, o.Key.Method)).ToDictionary();
            document.Paths[path] = item;
        }
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, schema) in Components(schemas, factory.Bodies))
            document.Components.Schemas[name] = schema;
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in tags.Order(usedTags))
            document.Tags.Add(new OpenApiTag { Name = tag, Description = tags.DescriptionOf(tag) });
        return Task.CompletedTask;
    }

    /// <summary>The request DTOs sent as bodies, and every other type the operations name.</summary>
    private Dictionary<string, IOpenApiSchema> Components(SchemaFactory schemas, HashSet<MetadataType> bodies)
    {
        var requests = bodies.Select(t => (Type: t, IsRequest: true));
        var others = metadata.Types.Types.Select(t => (Type: t, IsRequest: false));
        return requests.Concat(others)
            .OrderBy(t => t.Type.Name, StringComparer.Ordinal)
            .ToDictionary(t => t.Type.Name, t => (IOpenApiSchema)schemas.ForType(t.Type, t.IsRequest));
    }

    /// <summary>Each route with each of its verbs; a route without verbs serves the verbs its service has methods for.</summary>
    private static IEnumerable<(string Path, string Verb)> RoutesOf(MetadataOperationType operation)
    {
        var serviceVerbs = operation.Actions.Contains("ANY") ? [operation.Method] : operation.Actions;
        foreach (var route in operation.Routes)
        {
            var verbs = route.Verbs?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => v.ToUpperInvariant()) ?? serviceVerbs;
            foreach (var verb in verbs.OrderBy(v => Array.IndexOf(VerbOrder, v)))
                yield return (OpenApiPath(route.Path), verb);
        }
    }

    /// <summary>ServiceStack's catch-all <c>{Rest*}</c> is a plain <c>{Rest}</c> in OpenAPI.</summary>
    private static string OpenApiPath(string path) => path.Replace("*}", "}", StringComparison.Ordinal);
}
