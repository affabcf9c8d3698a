using ServiceStack.Routing;

namespace ServiceStack.NativeTypes;

/// <summary>The verb generated clients send for an operation, chosen in ServiceStack's order.</summary>
internal static class PreferredVerb
{
    private static readonly (Type Marker, string Verb)[] Markers =
    [
        (typeof(IGet), "GET"), (typeof(IPost), "POST"), (typeof(IPut), "PUT"),
        (typeof(IPatch), "PATCH"), (typeof(IDelete), "DELETE"),
    ];

    /// <summary>An <c>IVerb</c> marker first, then the one verb all the routes share, else POST.</summary>
    public static string Of(Operation operation)
    {
        foreach (var (marker, verb) in Markers)
        {
            if (marker.IsAssignableFrom(operation.RequestType))
                return verb;
        }
        var routeVerbs = operation.Routes
            .SelectMany(r => r.Verbs is null ? [] : RoutePattern.Verbs(r.Verbs))
            .Distinct()
            .ToList();
        return routeVerbs.Count == 1 ? routeVerbs[0] : "POST";
    }
}
