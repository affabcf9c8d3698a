namespace ServiceStack.NativeTypes;

/// <summary>How a type is written in generated C#: keyword aliases, <c>int?</c>, <c>List&lt;User&gt;</c>.</summary>
internal static class CSharpTypeNames
{
    private static readonly Dictionary<Type, string> Aliases = new()
    {
        [typeof(string)] = "string", [typeof(bool)] = "bool", [typeof(object)] = "object", [typeof(char)] = "char",
        [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short", [typeof(ushort)] = "ushort",
        [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
    };

    public static string Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Of(underlying) + "?";
        if (type.IsArray)
            return Of(type.GetElementType()!) + "[]";
        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
        }
        return Aliases.GetValueOrDefault(type) ?? type.Name;
    }
}
