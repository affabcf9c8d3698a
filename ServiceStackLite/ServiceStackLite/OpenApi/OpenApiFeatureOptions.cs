namespace ServiceStack.OpenApi;

/// <summary>What the OpenAPI document cannot learn from the DTOs: its title, the tags, and statuses a service sets itself.</summary>
public sealed class OpenApiFeatureOptions
{
    public string Title { get; set; } = "API";
    public string Version { get; set; } = "1.0";
    public string? Description { get; set; }

    /// <summary>The tags in the order the explorer shows them.</summary>
    public List<OperationTag> Tags { get; } = [];

    internal Dictionary<Type, OperationResponses> Responses { get; } = [];

    /// <summary>Tags every operation whose route starts with one of <paramref name="routePrefixes"/>.</summary>
    public OpenApiFeatureOptions Tag(string name, string description, params string[] routePrefixes)
    {
        Tags.Add(new OperationTag(name, description, routePrefixes));
        return this;
    }

    /// <summary>The answers of <typeparamref name="TRequest"/> that its service chooses, such as a 201 or a 409.</summary>
    public OperationResponses For<TRequest>()
    {
        if (!Responses.TryGetValue(typeof(TRequest), out var responses))
            Responses[typeof(TRequest)] = responses = new OperationResponses();
        return responses;
    }
}

public sealed record OperationTag(string Name, string Description, IReadOnlyList<string> RoutePrefixes);

public sealed class OperationResponses
{
    /// <summary>Null: 200, or 204 for an operation that returns nothing.</summary>
    public int? SuccessStatus { get; private set; }

    public string? SuccessDescription { get; private set; }

    public Dictionary<int, string> Errors { get; } = [];

    public OperationResponses Succeeds(int status, string description)
    {
        SuccessStatus = status;
        SuccessDescription = description;
        return this;
    }

    public OperationResponses Fails(int status, string description)
    {
        Errors[status] = description;
        return this;
    }
}
