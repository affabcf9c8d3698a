using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServiceStack.Json;

namespace ServiceStack;

/// <summary>Where a request goes: its verb, its URL relative to the base URL, and its JSON body (null for GET and DELETE).</summary>
public sealed record RequestTarget(string Verb, string Url, JsonObject? Body);

/// <summary>
/// Sends a request DTO where ServiceStack's .NET clients would: along its best matching
/// <c>[Route]</c> for the verb, or to the pre-defined <c>/api/{Name}</c> when none fits.
/// </summary>
public static partial class RequestRoutes
{
    private static readonly JsonSerializerOptions Json = JsonConventions.CreateOptions();
    private static readonly ConcurrentDictionary<Type, Dto> Dtos = new();

    public static RequestTarget Resolve(object request, string verb)
    {
        verb = verb.ToUpperInvariant();
        var dto = DtoOf(request.GetType());

        // The route that takes the most of the request into its path wins; the first declared breaks ties.
        (string Path, HashSet<Property> Used)? best = null;
        foreach (var route in dto.Routes.Where(r => r.Verbs.Length == 0 || r.Verbs.Contains(verb)))
        {
            if (TryFill(route.Path, request, dto, out var path, out var used) && used.Count > (best?.Used.Count ?? -1))
                best = (path, used);
        }
        var (url, inPath) = best ?? ("/api/" + request.GetType().Name, []);

        if (verb is "GET" or "DELETE")
            return new RequestTarget(verb, url + QueryString(request, dto.Properties.Where(p => !inPath.Contains(p))), null);

        var body = JsonSerializer.SerializeToNode(request, request.GetType(), Json)!.AsObject();
        foreach (var property in inPath)
            body.Remove(property.WireName);
        return new RequestTarget(verb, url, body);
    }

    /// <summary>Fills every <c>{var}</c> of a route path, or fails when one has no value to fill it.</summary>
    private static bool TryFill(string routePath, object request, Dto dto, out string path, out HashSet<Property> used)
    {
        var filled = new HashSet<Property>();
        var complete = true;
        path = PathVariable().Replace(routePath, match =>
        {
            var property = dto.Find(match.Groups["name"].Value);
            var value = property?.Info.GetValue(request) is { } raw ? Format(raw) : "";
            // An empty value would collapse the segment and send the request to another route.
            if (value.Length == 0)
            {
                complete = false;
                return "";
            }
            filled.Add(property!);
            // {Rest*} spans segments, so its slashes stay slashes.
            return match.Groups["rest"].Success
                ? string.Join('/', value.Split('/').Select(Uri.EscapeDataString))
                : Uri.EscapeDataString(value);
        });
        used = filled;
        return complete;
    }

    private static string QueryString(object request, IEnumerable<Property> properties)
    {
        var pairs =
            from property in properties
            let value = property.Info.GetValue(request)
            where value is not null
            select Uri.EscapeDataString(property.WireName) + "=" + Uri.EscapeDataString(Format(value));
        var query = string.Join('&', pairs);
        return query.Length == 0 ? "" : "?" + query;
    }

    /// <summary>A value as text the server's binder reads back: invariant culture, ISO dates, lists comma-joined.</summary>
    private static string Format(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime or DateTimeOffset => ((IFormattable)value).ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(',', items.Cast<object?>().OfType<object>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    private static Dto DtoOf(Type type) => Dtos.GetOrAdd(type, t => new Dto(t));

    [GeneratedRegex(@"\{(?<name>[^{}*]+)(?<rest>\*)?\}")]
    private static partial Regex PathVariable();

    private sealed record Property(PropertyInfo Info, string WireName);

    private sealed record Route(string Path, string[] Verbs);

    /// <summary>What a DTO type contributes to a request, read once per type.</summary>
    private sealed class Dto
    {
        private readonly Dictionary<string, Property> byName = new(StringComparer.OrdinalIgnoreCase);

        public Dto(Type type)
        {
            Routes = type.GetCustomAttributes<RouteAttribute>()
                .Select(r => new Route(r.Path, (r.Verbs ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => v.ToUpperInvariant()).ToArray()))
                .ToList();
            Properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .Select(p => new Property(p, JsonConventions.WireName(p)))
                .ToList();
            // Route variables name a property by its wire name or its C# name, in any case.
            foreach (var property in Properties)
            {
                byName.TryAdd(property.WireName, property);
                byName.TryAdd(property.Info.Name, property);
            }
        }

        public List<Route> Routes { get; }
        public List<Property> Properties { get; }

        public Property? Find(string name) => byName.GetValueOrDefault(name);
    }
}
