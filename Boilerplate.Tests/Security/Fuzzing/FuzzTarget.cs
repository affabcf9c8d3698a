using System.Reflection;
using ServiceStack.Json;
using ServiceStack.Routing;

namespace Boilerplate.Tests.Security.Fuzzing;

/// <summary>A route the fuzzer aims at: its path (with any {variables}), its verbs, and the fields its DTO binds.</summary>
public sealed record FuzzTarget(string Path, string[] Verbs, IReadOnlyList<FuzzField> Fields)
{
    private static readonly string[] AnyVerb = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>The pages that are not operations: the explorer, the documents, the typed DTOs.</summary>
    private static readonly string[] Pages =
        ["/", "/swagger-ui/", "/swagger-ui/index.html", "/metadata", "/openapi/v1.json", "/types", "/types/metadata", "/types/typescript", "/types/csharp"];

    /// <summary>
    /// Every route of every operation in the service catalog, each operation's pre-defined
    /// routes (and its batch form), and the pages beside them.
    /// </summary>
    public static IReadOnlyList<FuzzTarget> All(ServiceCatalog catalog)
    {
        var targets = new List<FuzzTarget>();
        foreach (var operation in catalog.Operations.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            var fields = FieldsOf(operation.RequestType);
            foreach (var route in operation.Routes)
                targets.Add(new FuzzTarget(route.Path, route.Verbs?.Split(',', StringSplitOptions.TrimEntries) ?? AnyVerb, fields));
            var verbs = operation.Methods.Keys.Where(v => v != "ANY").DefaultIfEmpty("POST").ToArray();
            foreach (var prefix in new[] { "/api/", "/json/reply/", "/json/oneway/" })
                targets.Add(new FuzzTarget(prefix + operation.Name, verbs, fields));
            targets.Add(new FuzzTarget($"/api/{operation.Name}[]", ["POST"], fields));
        }
        targets.AddRange(Pages.Select(page => new FuzzTarget(page, ["GET"], [])));
        return targets;
    }

    private static List<FuzzField> FieldsOf(Type requestType) =>
        requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => new FuzzField(JsonConventions.WireName(p), Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .ToList();
}

public sealed record FuzzField(string Name, Type Type);
