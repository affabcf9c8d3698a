namespace ServiceStack;

/// <summary>A custom route for a request DTO, e.g. <c>[Route("/user/{public_id}", "GET")]</c>.</summary>
/// <remarks><paramref name="verbs"/> is a comma-separated list; none means every verb.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RouteAttribute(string path, string? verbs = null) : Attribute
{
    public string Path { get; } = path;
    public string? Verbs { get; } = verbs;
}
