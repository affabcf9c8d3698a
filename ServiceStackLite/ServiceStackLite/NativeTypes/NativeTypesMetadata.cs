namespace ServiceStack.NativeTypes;

/// <summary>Every operation and type the app offers, described once at start; a request narrows it with a <see cref="TypeFilter"/>.</summary>
public sealed class NativeTypesMetadata(IReadOnlyList<MetadataOperationType> operations, IReadOnlyList<MetadataType> types)
{
    public IReadOnlyList<MetadataOperationType> Operations { get; } = operations;

    /// <summary>Every reachable type that is not a request DTO, response types included.</summary>
    public IReadOnlyList<MetadataType> Types { get; } = types;

    public IReadOnlyList<string> Namespaces =>
        Operations.Select(o => o.Request).Concat(Types)
            .Select(t => t.Namespace).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    public bool IsResponse(MetadataType type) => Operations.Any(o => o.Response?.ClrType == type.ClrType);

    public NativeTypesMetadata Filter(TypeFilter filter) => new(
        Operations.Where(o => filter.Includes(o.Request.ClrType)).ToList(),
        Types.Where(t => filter.Includes(t.ClrType)).ToList());
}
