using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ServiceStack.NativeTypes;

/// <summary>
/// Reads generator options from the query string (keys ignore case, lists are comma-separated)
/// and records each one, in the order read, for the header. A bad value is a 400.
/// </summary>
public sealed class OptionReader(IQueryCollection query)
{
    private readonly List<HeaderOption> header = [];

    public IReadOnlyList<HeaderOption> Header => header;

    public bool Flag(string name, bool fallback)
    {
        var given = Given(name);
        var value = fallback;
        if (given is not null && !bool.TryParse(given, out value))
            throw Invalid(name, "true or false");
        return Record(name, value, value ? "True" : "False", given);
    }

    public string Text(string name, string fallback = "")
    {
        var given = Given(name);
        var value = given ?? fallback;
        return Record(name, value, value, given);
    }

    public int? Number(string name)
    {
        var given = Given(name);
        int? value = null;
        if (given is not null)
        {
            value = int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Invalid(name, "a whole number");
        }
        return Record(name, value, value?.ToString(CultureInfo.InvariantCulture) ?? "", given);
    }

    public IReadOnlyList<string> List(string name, string fallback = "")
    {
        var given = Given(name);
        var value = (given ?? fallback).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return Record(name, value, string.Join(',', value), given);
    }

    // An empty value counts as absent: the header shows it commented out, with the default.
    private string? Given(string name) => query[name].ToString() is { Length: > 0 } text ? text : null;

    private T Record<T>(string name, T value, string text, string? given)
    {
        header.Add(new HeaderOption(name, text, given is not null));
        return value;
    }

    private static Exception Invalid(string name, string expected) =>
        HttpError.Validation("InvalidValue", $"{name} must be {expected}.", name);
}

/// <summary>An option line of the header: <c>Name: value</c>, behind <c>//</c> unless the caller set it.</summary>
public sealed record HeaderOption(string Name, string Value, bool Given);
