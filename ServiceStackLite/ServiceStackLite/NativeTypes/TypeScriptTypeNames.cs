namespace ServiceStack.NativeTypes;

/// <summary>How a C# type is written in TypeScript, as the JSON carries it.</summary>
internal static class TypeScriptTypeNames
{
    public static string Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Of(underlying);
        if (type.IsArray)
            return Of(type.GetElementType()!) + "[]";
        if (DictionaryArguments(type) is [var key, var value])
            return $"{{ [index: {Of(key)}]: {Of(value)}; }}";
        if (type != typeof(string) && ElementType(type) is { } element)
            return Of(element) + "[]";

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char or TypeCode.DateTime => "string",
            TypeCode.Boolean => "boolean",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "number",
            // Guids, offsets, durations and dates travel as strings.
            _ when type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
                || type == typeof(DateOnly) || type == typeof(TimeOnly) => "string",
            _ when type == typeof(object) => "any",
            _ => type.Name,
        };
    }

    /// <summary>A value of the type that <c>createResponse()</c> can return.</summary>
    public static string EmptyValueOf(Type type) => Of(type) switch
    {
        "string" => "''",
        "number" => "0",
        "boolean" => "false",
        var name when name.EndsWith("[]", StringComparison.Ordinal) => "[]",
        var name => $"new {name}()",
    };

    private static Type[]? DictionaryArguments(Type type) =>
        type.GetInterfaces().Prepend(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            ?.GetGenericArguments();

    private static Type? ElementType(Type type) =>
        type.GetInterfaces().Prepend(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
}
