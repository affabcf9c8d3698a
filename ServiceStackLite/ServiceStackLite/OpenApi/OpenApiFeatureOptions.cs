namespace ServiceStack.OpenApi;

/// <summary>
/// What the OpenAPI document says of the API as a whole. Everything about an operation comes from
/// its DTO: summary and remarks from its doc comments, tag from <c>[Tag]</c>, answers from its
/// guard, validator, <c>[RateLimited]</c> and <c>[ApiResponse]</c>s.
/// </summary>
public sealed class OpenApiFeatureOptions
{
    public string Title { get; set; } = "API";
    public string Version { get; set; } = "1.0";
    public string? Description { get; set; }

    /// <summary>The tags' descriptions, in the order the explorer shows them; other tags follow by name.</summary>
    public List<OperationTag> Tags { get; } = [];
}

public sealed record OperationTag(string Name, string Description);
