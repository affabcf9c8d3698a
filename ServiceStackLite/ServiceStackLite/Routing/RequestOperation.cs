using Microsoft.AspNetCore.Http;

namespace ServiceStack.Routing;

/// <summary>Which operation a request is for, on a custom route or a pre-defined one.</summary>
internal static class RequestOperation
{
    /// <summary>The route value that names the operation on <c>/api/{operationName}</c> and <c>/json/…</c>.</summary>
    public const string RouteValue = "operationName";

    /// <summary>The request DTO's name, or null for a request that is not for an operation.</summary>
    public static string? NameOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Operation>()?.Name
        ?? (context.Request.RouteValues[RouteValue] is string named ? Parse(named).Name : null);

    /// <summary>"GetUser", "getuser.json" or "CreateUser[]" (a batch) as written in a pre-defined route.</summary>
    public static (string Name, bool IsBatch) Parse(string requestName)
    {
        var isBatch = requestName.EndsWith("[]", StringComparison.Ordinal);
        var name = isBatch ? requestName[..^2] : requestName;
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            name = name[..^".json".Length];
        return (name, isBatch);
    }
}
