using System.Text;
using System.Text.Json;

namespace ServiceStack.NativeTypes;

/// <summary>
/// Writes the DTOs as <c>x csharp</c> does, to compile against ServiceStack.Interfaces: types of
/// namespace ServiceStack (ResponseStatus…) come from there and are not written.
/// </summary>
internal static class CSharpGenerator
{
    private static readonly string[] Usings =
    [
        "System", "System.IO", "System.Collections", "System.Collections.Generic",
        "System.Runtime.Serialization", "ServiceStack", "ServiceStack.DataAnnotations",
    ];

    public static string Generate(NativeTypesMetadata metadata, CSharpOptions options, string? header)
    {
        var selected = metadata.Filter(TypeFilter.Create(metadata, options.IncludeTypes, options.ExcludeTypes));
        var operations = selected.Operations.ToDictionary(o => o.Request.ClrType);
        var types = selected.Operations.Select(o => o.Request)
            .Concat(selected.Types)
            .Where(t => !t.IsServiceStackType)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var dataContracts = DataContracts(types);
        var byNamespace = types
            .GroupBy(t => options.GlobalNamespace.Length > 0 ? options.GlobalNamespace : t.Namespace ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        var code = new StringBuilder(header ?? "");
        if (header is not null)
            code.Append('\n');
        var usings = Usings
            .Concat(options.GlobalNamespace.Length > 0 ? [] : byNamespace.Select(g => g.Key))
            .Concat(options.AddNamespaces)
            .Distinct();
        foreach (var name in usings)
            code.Append($"using {name};\n");

        foreach (var group in byNamespace)
        {
            code.Append($"\nnamespace {group.Key}\n{{\n");
            code.AppendJoin("\n", group.Select(t => WriteClass(t, operations.GetValueOrDefault(t.ClrType), metadata.IsResponse(t), dataContracts.Contains(t.ClrType), options)));
            code.Append("}\n");
        }
        return code.ToString();
    }

    private static string WriteClass(MetadataType type, MetadataOperationType? operation, bool isResponse, bool isDataContract, CSharpOptions options)
    {
        var code = new StringBuilder();
        foreach (var route in operation?.Routes ?? [])
            code.Append(route.Verbs is null ? $"    [Route(\"{route.Path}\")]\n" : $"    [Route(\"{route.Path}\", \"{route.Verbs}\")]\n");

        if (isDataContract)
            code.Append("    [DataContract]\n");

        var bases = new List<string>();
        if (type.Inherits is { } inherits)
            bases.Add(CSharpTypeNames.Of(inherits.ClrType));
        bases.AddRange((type.Implements ?? [])
            .Where(i => options.AddReturnMarker || !typeof(IReturn).IsAssignableFrom(i.ClrType))
            .Select(i => CSharpTypeNames.Of(i.ClrType)));
        code.Append($"    {(options.MakeInternal ? "internal" : "public")} {(options.MakePartial ? "partial " : "")}class {type.Name}");
        if (bases.Count > 0)
            code.Append(" : ").AppendJoin(", ", bases);
        code.Append("\n    {\n");

        var modifier = options.MakeVirtual ? "public virtual" : "public";
        foreach (var property in type.Properties)
        {
            if (isDataContract)
                code.Append(IsRenamed(property) ? $"        [DataMember(Name=\"{property.WireName}\")]\n" : "        [DataMember]\n");
            code.Append($"        {modifier} {CSharpTypeNames.Of(property.ClrType)} {property.Name} {{ get; set; }}\n");
        }
        if (options.AddResponseStatus && isResponse && type.ClrType.GetProperty(nameof(ResponseStatus)) is null)
            code.Append($"        {modifier} ResponseStatus ResponseStatus {{ get; set; }}\n");
        return code.Append("    }\n").ToString();
    }

    /// <summary>
    /// The types that need <c>[DataContract]</c>: ServiceStack's serializers honour <c>[DataMember]</c>
    /// names only on a data contract, and then serialize only <c>[DataMember]</c> properties,
    /// inherited ones included. So a type with a renamed property, and its bases, mark every property.
    /// </summary>
    private static HashSet<Type> DataContracts(IReadOnlyList<MetadataType> types)
    {
        var byType = types.ToDictionary(t => t.ClrType);
        var contracts = new HashSet<Type>();
        foreach (var type in types.Where(t => t.Properties.Any(IsRenamed)))
        {
            for (var current = type; current is not null; current = current.Inherits is { } b ? byType.GetValueOrDefault(b.ClrType) : null)
                contracts.Add(current.ClrType);
        }
        return contracts;
    }

    /// <summary>The wire name is not what camelCase makes of the C# name, so clients must be told.</summary>
    private static bool IsRenamed(MetadataPropertyType property) =>
        property.WireName != JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}
