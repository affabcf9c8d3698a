using System.Globalization;

namespace ServiceStack.Binding;

/// <summary>Turns path, query and form text into property values; empty text is null.</summary>
internal static class ValueParser
{
    public static bool TryParse(string? text, Type type, out object? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
            return true;

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) { value = text; return true; }
        if (target.IsEnum) return Enum.TryParse(target, text, ignoreCase: true, out value);
        if (target.IsArray) return TryParseList(text, target.GetElementType()!, out value);
        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (!TryParseList(text, target.GetGenericArguments()[0], out var array)) return false;
            value = Activator.CreateInstance(target, array);
            return true;
        }

        var invariant = CultureInfo.InvariantCulture;
        (bool ok, object? parsed) = Type.GetTypeCode(target) switch
        {
            TypeCode.Int32 => (int.TryParse(text, NumberStyles.Integer, invariant, out var i), (object?)i),
            TypeCode.Int64 => (long.TryParse(text, NumberStyles.Integer, invariant, out var l), l),
            TypeCode.Decimal => (decimal.TryParse(text, NumberStyles.Number, invariant, out var m), m),
            TypeCode.Double => (double.TryParse(text, NumberStyles.Float, invariant, out var d), d),
            TypeCode.Boolean => (bool.TryParse(text, out var b), b),
            TypeCode.DateTime => (DateTime.TryParse(text, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t), t),
            _ when target == typeof(Guid) => (Guid.TryParse(text, out var g), g),
            _ => (false, null),
        };
        value = ok ? parsed : null;
        return ok;
    }

    public static string Describe(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return Type.GetTypeCode(target) switch
        {
            TypeCode.Int32 or TypeCode.Int64 => "a whole number",
            TypeCode.Decimal or TypeCode.Double => "a number",
            TypeCode.Boolean => "true or false",
            TypeCode.DateTime => "a date",
            _ when target == typeof(Guid) => "a UUID",
            _ when target.IsEnum => "one of " + string.Join(", ", Enum.GetNames(target)),
            _ => "a list or value of the right type",
        };
    }

    // ServiceStack writes lists as "a,b" or "[a,b]".
    private static bool TryParseList(string text, Type elementType, out object? value)
    {
        var items = text.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var array = Array.CreateInstance(elementType, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            if (!TryParse(items[i], elementType, out var item)) { value = null; return false; }
            array.SetValue(item, i);
        }
        value = array;
        return true;
    }
}
