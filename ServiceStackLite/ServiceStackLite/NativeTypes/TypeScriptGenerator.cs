using System.Text;
using System.Text.RegularExpressions;

namespace ServiceStack.NativeTypes;

/// <summary>
/// Writes the DTOs as ServiceStack's TypeScript generator does: classes with an init constructor,
/// request DTOs with <c>getTypeName()</c>, <c>getMethod()</c> and <c>createResponse()</c>.
/// Required properties carry <c>!</c> so the file also passes <c>tsc --strict</c> without <c>@ts-nocheck</c>.
/// </summary>
internal static partial class TypeScriptGenerator
{
    public static string Generate(NativeTypesMetadata metadata, TypeScriptOptions options, string? header)
    {
        var filter = TypeFilter.Create(metadata, options.IncludeTypes, options.ExcludeTypes);
        var selected = metadata.Filter(filter);

        var body = new StringBuilder();
        if (options.AddServiceStackTypes)
            WriteServiceStackTypes(body, metadata, options);
        var operations = selected.Operations.ToDictionary(o => o.Request.ClrType);
        var dtos = selected.Operations.Select(o => o.Request)
            .Concat(selected.Types.Where(t => !t.IsServiceStackType));
        foreach (var type in BasesFirst(dtos.OrderBy(t => t.Name, StringComparer.Ordinal)))
            WriteClass(body, type, operations.GetValueOrDefault(type.ClrType), metadata.IsResponse(type), options);

        var code = new StringBuilder(header ?? "");
        if (header is not null)
            code.Append('\n');
        code.Append("// @ts-nocheck\n\n");
        WriteImports(code, options.DefaultImports);
        if (options.GlobalNamespace.Length == 0)
            return code.Append(body).ToString();
        return code.Append($"export namespace {options.GlobalNamespace}\n{{\n").Append(Indent(body.ToString())).Append("}\n").ToString();
    }

    private static void WriteServiceStackTypes(StringBuilder code, NativeTypesMetadata metadata, TypeScriptOptions options)
    {
        code.Append("export interface IReturn<T>\n{\n    createResponse(): T;\n}\n\n");
        code.Append("export interface IReturnVoid\n{\n    createResponse(): void;\n}\n\n");
        foreach (var verb in new[] { "IGet", "IPost", "IPut", "IDelete", "IPatch" })
            code.Append($"export interface {verb} {{}}\n\n");
        foreach (var type in new[] { typeof(ResponseStatus), typeof(ResponseError) })
        {
            if (metadata.Types.FirstOrDefault(t => t.ClrType == type) is { } described)
                WriteClass(code, described, null, false, options);
        }
    }

    private static void WriteClass(StringBuilder code, MetadataType type, MetadataOperationType? operation, bool isResponse, TypeScriptOptions options)
    {
        foreach (var route in operation?.Routes ?? [])
            code.Append(route.Verbs is null ? $"// @Route(\"{route.Path}\")\n" : $"// @Route(\"{route.Path}\", \"{route.Verbs}\")\n");
        code.Append($"export class {type.Name}");
        if (type.Inherits is { } inherits)
            code.Append($" extends {TypeScriptTypeNames.Of(inherits.ClrType)}");
        if (type.Implements is { } implements)
            code.Append(" implements ").AppendJoin(", ", implements.Select(i => ImplementsName(i.ClrType)));
        code.Append("\n{\n");

        var properties = type.Properties.Select(p =>
        {
            var marker = options.MakePropertiesOptional || p.IsNullable == true ? "?" : "!";
            return $"    public {PropertyName(p.WireName)}{marker}: {TypeScriptTypeNames.Of(p.ClrType)};\n";
        }).ToList();
        if (options.AddResponseStatus && isResponse && !HasResponseStatus(type))
            properties.Add("    public responseStatus?: ResponseStatus;\n");
        if (properties.Count > 0)
            code.AppendJoin("", properties).Append('\n');

        var assign = type.Inherits is null ? "(Object as any).assign(this, init);" : "super(init); (Object as any).assign(this, init);";
        code.Append($"    public constructor(init?: Partial<{type.Name}>) {{ {assign} }}\n");
        if (operation is not null)
        {
            code.Append($"    public getTypeName() {{ return '{type.Name}'; }}\n");
            code.Append($"    public getMethod() {{ return '{operation.Method}'; }}\n");
            code.Append(operation.Response is { } response
                ? $"    public createResponse() {{ return {TypeScriptTypeNames.EmptyValueOf(response.ClrType)}; }}\n"
                : "    public createResponse() {}\n");
        }
        code.Append("}\n\n");
    }

    private static bool HasResponseStatus(MetadataType type) =>
        type.Properties.Any(p => p.WireName == "responseStatus")
        || (type.Inherits?.ClrType is { } baseType && baseType.GetProperty(nameof(ResponseStatus)) is not null);

    private static string ImplementsName(Type marker) =>
        marker.IsGenericType
            ? $"{marker.Name[..marker.Name.IndexOf('`', StringComparison.Ordinal)]}<{TypeScriptTypeNames.Of(marker.GetGenericArguments()[0])}>"
            : marker.Name;

    private static string PropertyName(string wireName) =>
        Identifier().IsMatch(wireName) ? wireName : $"'{wireName}'";

    /// <summary>DefaultImports: <c>A,B:module</c> imports A and B from module; an entry without a module is written as it is.</summary>
    private static void WriteImports(StringBuilder code, IReadOnlyList<string> imports)
    {
        var symbols = new List<string>();
        foreach (var entry in imports)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                symbols.Add(entry);
                continue;
            }
            symbols.Add(entry[..colon]);
            code.Append($"import {{ {string.Join(", ", symbols)} }} from \"{entry[(colon + 1)..]}\";\n");
            symbols.Clear();
        }
        foreach (var symbol in symbols)
            code.Append($"import {symbol};\n");
        if (imports.Count > 0)
            code.Append('\n');
    }

    /// <summary>A class must be declared before a class that extends it, or it fails at run time.</summary>
    private static IEnumerable<MetadataType> BasesFirst(IEnumerable<MetadataType> types)
    {
        var all = types.ToList();
        var written = new HashSet<Type>();
        IEnumerable<MetadataType> Visit(MetadataType type)
        {
            if (!written.Add(type.ClrType))
                yield break;
            if (all.FirstOrDefault(t => t.ClrType == type.Inherits?.ClrType) is { } baseType)
            {
                foreach (var first in Visit(baseType))
                    yield return first;
            }
            yield return type;
        }
        return all.SelectMany(Visit).ToList();
    }

    private static string Indent(string code) =>
        string.Concat(code.Split('\n').Select((line, i) => (i > 0 ? "\n" : "") + (line.Length > 0 ? "    " + line : "")));

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
