namespace ServiceStack.OpenApi;

/// <summary>
/// Groups an operation by its route: the first configured tag with a matching prefix, else the
/// route's first segment, so a DTO added later lands in a sensible group without configuration.
/// </summary>
internal sealed class OperationTags(IReadOnlyList<OperationTag> configured)
{
    private const string Fallback = "default";

    public string Of(IEnumerable<string> routePaths)
    {
        var paths = routePaths.ToList();
        var tag = configured.FirstOrDefault(t => paths.Any(path => t.RoutePrefixes.Any(prefix => StartsWithSegments(path, prefix))));
        return tag?.Name ?? FirstSegment(paths.FirstOrDefault());
    }

    public string? DescriptionOf(string tag) => configured.FirstOrDefault(t => t.Name == tag)?.Description;

    /// <summary>Configured tags first, in their order, then the others by name.</summary>
    public IEnumerable<string> Order(IEnumerable<string> used)
    {
        var set = used.ToHashSet(StringComparer.Ordinal);
        return configured.Select(t => t.Name).Where(set.Contains)
            .Concat(set.Where(t => configured.All(c => c.Name != t)).Order(StringComparer.Ordinal));
    }

    private static bool StartsWithSegments(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);

    private static string FirstSegment(string? path) =>
        path?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } segment && !segment.StartsWith('{')
            ? segment.ToLowerInvariant()
            : Fallback;
}
