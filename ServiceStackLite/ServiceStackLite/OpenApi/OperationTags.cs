using System.Reflection;

namespace ServiceStack.OpenApi;

/// <summary>
/// Groups an operation by its DTO's <c>[Tag]</c>, else by its route's first segment, so a DTO added
/// without a tag still lands in a sensible group.
/// </summary>
internal sealed class OperationTags(IReadOnlyList<OperationTag> described)
{
    private const string Fallback = "default";

    public static string Of(Type requestType, IEnumerable<string> routePaths) =>
        requestType.GetCustomAttribute<TagAttribute>()?.Name ?? FirstSegment(routePaths.FirstOrDefault());

    public string? DescriptionOf(string tag) => described.FirstOrDefault(t => t.Name == tag)?.Description;

    /// <summary>Described tags first, in their order, then the others by name.</summary>
    public IEnumerable<string> Order(IEnumerable<string> used)
    {
        var set = used.ToHashSet(StringComparer.Ordinal);
        return described.Select(t => t.Name).Where(set.Contains)
            .Concat(set.Where(t => described.All(c => c.Name != t)).Order(StringComparer.Ordinal));
    }

    private static string FirstSegment(string? path) =>
        path?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } segment && !segment.StartsWith('{')
            ? segment.ToLowerInvariant()
            : Fallback;
}
