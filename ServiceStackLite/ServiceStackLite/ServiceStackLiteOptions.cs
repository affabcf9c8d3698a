using System.Security.Claims;
using System.Reflection;
using System.Text.Json;
using ServiceStack.Json;
using ServiceStack.Web;

namespace ServiceStack;

public sealed class ServiceStackLiteOptions
{
    /// <summary>Assemblies scanned for <see cref="Service"/> classes.</summary>
    public List<Assembly> ServiceAssemblies { get; } = [];

    /// <summary>Larger request bodies are refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public JsonSerializerOptions Json { get; } = JsonConventions.CreateOptions();

    /// <summary>Message for a guarded operation called without a token.</summary>
    public string NotAuthenticatedMessage { get; set; } = "Not Authenticated";

    /// <summary>Message for a rejected token when the auth handler gave no <see cref="TokenException"/>.</summary>
    public string InvalidTokenMessage { get; set; } = "Token is invalid";

    /// <summary>Message for an authenticated caller who lacks a required role.</summary>
    public Func<string, string> MissingRoleMessage { get; set; } = _ => "Invalid Role";

    /// <summary>Message for an authenticated caller (the principal) who lacks a required permission.</summary>
    public Func<ClaimsPrincipal, string, string> MissingPermissionMessage { get; set; } = (_, _) => "Invalid Permission";

    /// <summary>The claim a caller's permissions are read from: <c>perms</c>, as ServiceStack's JWT provider writes them.</summary>
    public string PermissionClaimType { get; set; } = "perms";

    /// <summary>
    /// The one place where the app's own exceptions become answers, e.g. a database outage a 503
    /// or a taken email a 409; null leaves an exception a 500. ServiceStack's
    /// <c>MapExceptionToStatusCode</c>, by rule instead of by type.
    /// </summary>
    public Func<Exception, HttpError?> MapException { get; set; } = _ => null;

    /// <summary>
    /// ServiceStack's <c>GlobalRequestFiltersAsync</c>: each runs for every request once its DTO is
    /// bound, before it is validated and served; one that throws refuses the request.
    /// </summary>
    public List<Func<IRequest, IResponse, object, Task>> GlobalRequestFiltersAsync { get; } = [];

    /// <summary>Wraps a ResponseStatus into the body of an error response.</summary>
    public Func<ResponseStatus, object> CreateErrorBody { get; set; } = status => new ErrorResponse { ResponseStatus = status };
}
