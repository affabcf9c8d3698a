namespace ServiceStack.Routing;

internal static class RoutePattern
{
    /// <summary>ServiceStack's <c>{Rest*}</c> catch-all is ASP.NET Core's <c>{*Rest}</c>; the rest is the same syntax.</summary>
    public static string ToAspNetCore(string path) =>
        string.Join('/', path.Split('/').Select(segment =>
            segment.StartsWith('{') && segment.EndsWith("*}", StringComparison.Ordinal)
                ? "{*" + segment[1..^2] + "}"
                : segment));

    public static string[] Verbs(string verbs) =>
        verbs.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.ToUpperInvariant())
            .ToArray();
}
