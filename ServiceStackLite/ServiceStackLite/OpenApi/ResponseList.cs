using System.Reflection;
using ServiceStack.Metadata;
using ServiceStack.NativeTypes;

namespace ServiceStack.OpenApi;

/// <summary>One answer an operation can give: its status, what it means and the type of its body (null: none).</summary>
internal sealed record ResponseEntry(int Status, string Description, Type? BodyType);

/// <summary>
/// Every status an operation answers with: its success, the failures its shape implies (a body
/// or parameters can be invalid or too large, a guard can refuse, a rate limit can be reached,
/// anything can fail unexpectedly) and the ones its DTO names with <c>[ApiResponse]</c>.
/// </summary>
internal static class ResponseList
{
    public static IReadOnlyList<ResponseEntry> Of(MetadataOperationType operation, ApiMetadata metadata)
    {
        var declared = operation.Request.ClrType.GetCustomAttributes<ApiResponseAttribute>().ToList();
        var errors = new SortedDictionary<int, string>();
        if (metadata.AllPropertiesOf(operation.Request).Count > 0)
            errors[400] = "Invalid input: a field breaks a rule, or the body is not valid JSON.";
        if (metadata.GuardOf(operation) is { } guard)
        {
            errors[guard.StatusCode] = "No bearer token was sent.";
            errors[401] = guard.StatusCode == 401
                ? "No bearer token, or an invalid, expired or revoked one."
                : "The bearer token is invalid, expired or revoked.";
        }
        if (Requirements(operation) is { Length: > 0 } needs)
            errors[403] = $"The caller lacks {needs}.";
        if (operation.Method != "GET")
            errors[413] = "The request body is larger than the service accepts.";
        if (metadata.RateLimitBudgetOf(operation) is { } budget)
            errors[429] = $"Too many requests from this client on the {budget} budget: wait for Retry-After.";
        errors[500] = "An unexpected error; the body says no more (the service's log has the detail).";
        foreach (var response in declared.Where(r => r.StatusCode >= 300))
            errors[response.StatusCode] = response.Description;

        var success = Success(operation, declared.FirstOrDefault(r => r.StatusCode is >= 200 and < 300));
        return errors.Select(e => new ResponseEntry(e.Key, e.Value, metadata.ErrorBodyType))
            .Prepend(success)
            .OrderBy(r => r.Status)
            .ToList();
    }

    /// <summary>What a caller must hold, in words: "the role Admin", "the permission users.read".</summary>
    internal static string Requirements(MetadataOperationType operation) => string.Join(" and ",
        new[] { ("role", operation.RequiredRoles), ("permission", operation.RequiredPermissions) }
            .Where(n => n.Item2 is { Count: > 0 })
            .Select(n => $"the {n.Item1} {string.Join(", ", n.Item2!)}"));

    private static ResponseEntry Success(MetadataOperationType operation, ApiResponseAttribute? declared)
    {
        var returns = operation.Response?.ClrType;
        var status = declared?.StatusCode ?? (returns is null ? 204 : 200);
        return new ResponseEntry(status, declared?.Description ?? (returns is null ? "Done; no content." : "Success."), returns);
    }
}
