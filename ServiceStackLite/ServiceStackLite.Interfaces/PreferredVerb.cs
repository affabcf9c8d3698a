using System.Reflection;

namespace ServiceStack;

/// <summary>
/// The verb a request DTO is sent with when the caller names none, in ServiceStack's order: its
/// <c>IVerb</c> marker, else the one verb all its routes share, else POST. Generated clients'
/// <c>getMethod()</c> and the typed client both follow it.
/// </summary>
public static class PreferredVerb
{
    private static readonly (Type Marker, string Verb)[] Markers =
    [
        (typeof(IGet), "GET"), (typeof(IPost), "POST"), (typeof(IPut), "PUT"),
        (typeof(IPatch), "PATCH"), (typeof(IDelete), "DELETE"),
    ];

    public static string Of(Type requestType)
    {
        foreach (var (marker, verb) in Markers)
        {
            if (marker.IsAssignableFrom(requestType))
                return verb;
        }
        var routeVerbs = requestType.GetCustomAttributes<RouteAttribute>()
            .SelectMany(r => (r.Verbs ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(v => v.ToUpperInvariant())
            .Distinct()
            .ToList();
        return routeVerbs.Count == 1 ? routeVerbs[0] : "POST";
    }
}
