using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ServiceStack.Json;

/// <summary>
/// ServiceStack's JSON conventions on System.Text.Json: camelCase names unless a
/// <c>[DataMember(Name)]</c> says otherwise (its <c>Order</c> places a property after the
/// unordered ones), nulls omitted, case-insensitive reads, enums as names.
/// </summary>
public static class JsonConventions
{
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { UseDataMemberNames } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The name a property travels under on the wire.</summary>
    public static string WireName(PropertyInfo property) =>
        property.GetCustomAttribute<DataMemberAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static void UseDataMemberNames(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo info
                || info.GetCustomAttribute<DataMemberAttribute>() is not { } member)
            {
                continue;
            }
            if (member.Name is { } name)
                property.Name = name;
            if (member.Order >= 0)
                property.Order = member.Order;
        }
    }
}
