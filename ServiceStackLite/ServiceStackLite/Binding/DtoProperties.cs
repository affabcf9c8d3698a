using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using ServiceStack.Json;
using ServiceStackLite;

namespace ServiceStack.Binding;

/// <summary>A request DTO's settable properties, found by wire name or C# name, ignoring case.</summary>
public sealed class DtoProperties
{
    private static readonly ConcurrentDictionary<Type, DtoProperties> Cache = new();
    private readonly Dictionary<string, DtoProperty> byName = new(StringComparer.OrdinalIgnoreCase);

    private DtoProperties(Type type)
    {
        Create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(type), typeof(object))).Compile();
        foreach (var info in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var property = new DtoProperty(info);
            byName.TryAdd(property.WireName, property);
            byName.TryAdd(info.Name, property);
        }
    }

    public static DtoProperties Of(Type type) => Cache.GetOrAdd(type, t => new DtoProperties(t));

    public Func<object> Create { get; }

    public DtoProperty? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The wire name of a C# property, as clients see it in error field names.</summary>
    public string WireNameOf(string propertyName) => Find(propertyName)?.WireName ?? propertyName;
}

public sealed class DtoProperty
{
    private readonly Action<object, object?> set;
    private readonly Func<object, object?> get;
    private readonly object? defaultValue;

    public DtoProperty(PropertyInfo info)
    {
        Info = info;
        WireName = JsonConventions.WireName(info);
        IsSecret = info.IsDefined(typeof(SecretAttribute), inherit: true);
        defaultValue = info.PropertyType.IsValueType ? Activator.CreateInstance(info.PropertyType) : null;
        var target = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var typedTarget = Expression.Convert(target, info.DeclaringType!);
        set = Expression.Lambda<Action<object, object?>>(
            Expression.Assign(Expression.Property(typedTarget, info), Expression.Convert(value, info.PropertyType)),
            target, value).Compile();
        get = Expression.Lambda<Func<object, object?>>(
            Expression.Convert(Expression.Property(typedTarget, info), typeof(object)), target).Compile();
    }

    public PropertyInfo Info { get; }
    public string WireName { get; }
    public Type Type => Info.PropertyType;
    /// <summary><c>[Secret]</c>: a password or token, never taken from the URL.</summary>
    public bool IsSecret { get; }

    /// <summary>Null, or a value type's default: what a pre-defined route's query string may fill.</summary>
    public bool IsUnset(object dto) => get(dto) is not { } value || value.Equals(defaultValue);

    /// <summary>Sets the property from its text form (a path, query or form value).</summary>
    public void SetFromText(object dto, string? text)
    {
        if (!ValueParser.TryParse(text, Type, out var value))
            throw HttpError.Validation("InvalidValue", $"{WireName} must be {ValueParser.Describe(Type)}.", WireName);
        if (value is not null || !Type.IsValueType || Nullable.GetUnderlyingType(Type) is not null)
            set(dto, value);
    }
}
