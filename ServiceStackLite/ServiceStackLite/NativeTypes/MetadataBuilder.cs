using System.Reflection;
using System.Runtime.Serialization;
using ServiceStack.Json;
using ServiceStack.Routing;

namespace ServiceStack.NativeTypes;

/// <summary>Describes the catalog's operations and every type reachable from them, by reflection.</summary>
internal static class MetadataBuilder
{
    /// <param name="alsoDescribe">Types to describe though no operation names them, such as the error body.</param>
    public static NativeTypesMetadata Build(ServiceCatalog catalog, IEnumerable<Type>? alsoDescribe = null)
    {
        var operations = catalog.Operations.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var nullability = new NullabilityInfoContext();
        // ResponseStatus always: generated clients declare it even when no DTO names it.
        var roots = operations.Select(o => o.RequestType).Append(typeof(ResponseStatus)).Concat(alsoDescribe ?? []);
        var types = TypeReferences.Closure(roots)
            .ToDictionary(t => t, t => DescribeType(t, nullability));
        return new NativeTypesMetadata(
            operations.Select(o => DescribeOperation(o, types)).ToList(),
            types.Values.Where(t => operations.All(o => o.RequestType != t.ClrType)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList());
    }

    private static MetadataOperationType DescribeOperation(Operation operation, Dictionary<Type, MetadataType> types) => new(
        Request: types[operation.RequestType],
        Response: operation.ResponseType is { } response ? types.GetValueOrDefault(response) : null,
        Actions: operation.Methods.Keys.Order(StringComparer.Ordinal).ToList(),
        Method: PreferredVerb.Of(operation.RequestType),
        Routes: operation.Routes.Select(r => new MetadataRoute(r.Path, r.Verbs)).ToList(),
        ReturnsVoid: operation.ResponseType is null ? true : null,
        ReturnType: operation.ResponseType is { } returned ? NameOf(returned) : null,
        RequiresAuth: operation.Guard is not null,
        RequiredRoles: operation.RequiredRoles.Count > 0 ? operation.RequiredRoles : null,
        RequiredPermissions: operation.RequiredPermissions.Count > 0 ? operation.RequiredPermissions : null);

    private static MetadataType DescribeType(Type type, NullabilityInfoContext nullability) => new(
        ClrType: type,
        Name: type.Name,
        Namespace: type.Namespace,
        Inherits: type.BaseType is { } baseType && baseType != typeof(object) ? NameOf(baseType) : null,
        Implements: ServiceStackInterfaces(type) is { Count: > 0 } markers ? markers : null,
        Properties: TypeReferences.PropertiesOf(type).Select(p => DescribeProperty(p, nullability)).ToList());

    private static MetadataPropertyType DescribeProperty(PropertyInfo property, NullabilityInfoContext nullability)
    {
        var type = property.PropertyType;
        var wireName = JsonConventions.WireName(property);
        var name = NameOf(type);
        return new MetadataPropertyType(
            ClrType: type,
            Name: property.Name,
            WireName: wireName,
            Type: name.Name,
            Namespace: name.Namespace,
            GenericArgs: name.GenericArgs,
            IsValueType: type.IsValueType ? true : null,
            IsSystemType: TypeReferences.IsSystem(type) ? true : null,
            // Oblivious (unannotated) references count as nullable: nothing promises a value.
            IsNullable: nullability.Create(property).ReadState != NullabilityState.NotNull ? true : null,
            DataMember: property.GetCustomAttribute<DataMemberAttribute>()?.Name is not null ? new MetadataDataMember(wireName) : null);
    }

    /// <summary><c>IReturn&lt;T&gt;</c> or <c>IReturnVoid</c>, then the verb markers, as a DTO declares them.</summary>
    private static List<MetadataTypeName> ServiceStackInterfaces(Type type)
    {
        var interfaces = type.GetInterfaces();
        var returns = interfaces.Where(i => i == typeof(IReturnVoid) || (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReturn<>)));
        var verbs = interfaces.Where(i => i != typeof(IVerb) && typeof(IVerb).IsAssignableFrom(i)).OrderBy(i => i.Name, StringComparer.Ordinal);
        return returns.Concat(verbs).Select(NameOf).ToList();
    }

    private static MetadataTypeName NameOf(Type type) => new(
        type,
        type.Name,
        type.Namespace,
        type.IsGenericType ? type.GetGenericArguments().Select(ShortName).ToList() : null);

    private static string ShortName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(ShortName))}>"
            : type.Name;
}
