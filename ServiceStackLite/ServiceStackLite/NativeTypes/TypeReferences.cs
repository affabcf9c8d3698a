using System.Reflection;

namespace ServiceStack.NativeTypes;

/// <summary>Which types a DTO leads to: the ones a client needs declared to use it.</summary>
internal static class TypeReferences
{
    /// <summary>The DTO types <paramref name="type"/> names directly: base, property types (inside lists, arrays and nullables) and response.</summary>
    public static IReadOnlyList<Type> Of(Type type)
    {
        var named = new List<Type>();
        if (type.BaseType is { } baseType)
            named.Add(baseType);
        named.AddRange(PropertiesOf(type).Select(p => p.PropertyType));
        named.AddRange(type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReturn<>))
            .Select(i => i.GetGenericArguments()[0]));
        return named.SelectMany(DtoTypesIn).Distinct().ToList();
    }

    /// <summary>The roots and every type reachable from them, each once, in the order found.</summary>
    public static IReadOnlyList<Type> Closure(IEnumerable<Type> roots)
    {
        var found = new List<Type>();
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
                continue;
            found.Add(type);
            foreach (var next in Of(type))
                pending.Enqueue(next);
        }
        return found;
    }

    /// <summary>The properties a DTO declares itself; inherited ones belong to its base.</summary>
    public static IEnumerable<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0);

    public static bool IsSystem(Type type) =>
        type.IsPrimitive || type.Namespace is "System" || type.Namespace?.StartsWith("System.", StringComparison.Ordinal) == true;

    private static IEnumerable<Type> DtoTypesIn(Type type)
    {
        if (type.IsArray)
            return DtoTypesIn(type.GetElementType()!);
        // Lists, dictionaries and nullables lead to their arguments; generic DTOs are not supported.
        if (type.IsGenericType)
            return type.GetGenericArguments().SelectMany(DtoTypesIn);
        return IsSystem(type) || type.IsInterface || type.IsGenericParameter ? [] : [type];
    }
}
