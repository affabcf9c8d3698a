namespace ServiceStack.NativeTypes;

/// <summary>
/// The IncludeTypes and ExcludeTypes options. An include entry is a type name, or <c>Name.*</c>
/// for that type and everything it leads to (for a request: its response too); excludes are names.
/// </summary>
public sealed class TypeFilter(IReadOnlySet<Type>? included, IReadOnlyList<string> excluded)
{
    public static TypeFilter Create(NativeTypesMetadata metadata, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        if (include.Count == 0)
            return new TypeFilter(null, exclude);

        var byName = metadata.Operations.Select(o => o.Request).Concat(metadata.Types).ToDictionary(t => t.Name, t => t.ClrType);
        var included = new HashSet<Type>();
        foreach (var entry in include)
        {
            var withDependencies = entry.EndsWith(".*", StringComparison.Ordinal);
            if (!byName.TryGetValue(withDependencies ? entry[..^2] : entry, out var type))
                continue;
            included.UnionWith(withDependencies ? TypeReferences.Closure([type]) : [type]);
        }
        return new TypeFilter(included, exclude);
    }

    public bool Includes(Type type) =>
        (included is null || included.Contains(type)) && !excluded.Contains(type.Name);
}
