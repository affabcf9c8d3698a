using ServiceStack.Metadata;
using ServiceStack.NativeTypes;

namespace ServiceStack.OpenApi;

/// <summary>One answer an operation can give: its status, what it means and the type of its body (null: none).</summary>
internal sealed record ResponseEntry(int Status, string Description, Type? BodyType);

/// <summary>
/// Every status an operation answers with: its success, the failures its shape implies (a body
/// or parameters can be invalid or too large, a guard can refuse, anything can fail unexpectedly)
/// and the ones the app configured.
/// </summary>
internal static class ResponseList
{
    public static IReadOnlyList<ResponseEntry> Of(MetadataOperationType operation, ApiMetadata metadata, OperationResponses? configured)
    {
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
        if (operation.RequiredRoles is { Count: > 0 } roles)
            errors[403] = $"The bearer token lacks the role {string.Join(", ", roles)}.";
        if (operation.Method != "GET")
            errors[413] = "The request body is larger than the service accepts.";
        errors[500] = "An unexpected error; the body says no more (the service's log has the detail).";
        foreach (var (status, description) in configured?.Errors ?? [])
            errors[status] = description;

        var success = Success(operation, configured);
        return errors.Select(e => new ResponseEntry(e.Key, e.Value, metadata.ErrorBodyType))
            .Prepend(success)
            .OrderBy(r => r.Status)
            .ToList();
    }

    private static ResponseEntry Success(MetadataOperationType operation, OperationResponses? configured)
    {
        var returns = operation.Response?.ClrType;
        var status = configured?.SuccessStatus ?? (returns is null ? 204 : 200);
        return new ResponseEntry(status, configured?.SuccessDescription ?? (returns is null ? "Done; no content." : "Success."), returns);
    }
}
