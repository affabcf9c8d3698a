using System.Text.Json.Serialization;

namespace ServiceStack.NativeTypes;

/// <summary>
/// The body of <c>/types/metadata</c>, in the shape of ServiceStack's <c>MetadataTypes</c>; the
/// generators read the same model. Request DTOs appear under <see cref="Operations"/>, every
/// other reachable type under <see cref="Types"/>.
/// </summary>
public sealed record MetadataTypes(
    MetadataTypesConfig Config,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<MetadataType> Types,
    IReadOnlyList<MetadataOperationType> Operations);

public sealed record MetadataTypesConfig(
    string BaseUrl,
    string? GlobalNamespace,
    IReadOnlyList<string>? IncludeTypes,
    IReadOnlyList<string>? ExcludeTypes);

public sealed record MetadataOperationType(
    MetadataType Request,
    MetadataType? Response,
    IReadOnlyList<string> Actions, // the verbs of the service methods; "ANY" for an Any method
    string Method, // the verb a generated client sends, as ServiceStack picks it (see ServiceStack.PreferredVerb)
    IReadOnlyList<MetadataRoute> Routes,
    bool? ReturnsVoid,
    MetadataTypeName? ReturnType,
    bool RequiresAuth,
    IReadOnlyList<string>? RequiredRoles,
    IReadOnlyList<string>? RequiredPermissions);

public sealed record MetadataRoute(string Path, string? Verbs);

/// <summary>A reference to a type: its CLR name (<c>List`1</c>, <c>Nullable`1</c>) and its generic arguments.</summary>
public sealed record MetadataTypeName(
    [property: JsonIgnore] Type ClrType,
    string Name,
    string? Namespace,
    IReadOnlyList<string>? GenericArgs);

public sealed record MetadataType(
    [property: JsonIgnore] Type ClrType,
    string Name,
    string? Namespace,
    MetadataTypeName? Inherits,
    IReadOnlyList<MetadataTypeName>? Implements,
    IReadOnlyList<MetadataPropertyType> Properties)
{
    /// <summary>ResponseStatus and the like: clients get them from ServiceStack, not from the app.</summary>
    [JsonIgnore]
    public bool IsServiceStackType => ClrType.Assembly == typeof(ResponseStatus).Assembly;
}

public sealed record MetadataPropertyType(
    [property: JsonIgnore] Type ClrType,
    string Name,
    string WireName, // the name it travels under in JSON, e.g. public_id
    string Type,
    string? Namespace,
    IReadOnlyList<string>? GenericArgs,
    bool? IsValueType,
    bool? IsSystemType,
    bool? IsNullable, // the value may be absent on the wire: a nullable value or reference type
    MetadataDataMember? DataMember);

public sealed record MetadataDataMember(string Name);
