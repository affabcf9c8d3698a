using System.Security.Authentication;

namespace ServiceStack;

/// <summary>An error a service throws on purpose: it becomes a response with this status and message.</summary>
public class HttpError(int statusCode, string errorCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string ErrorCode { get; } = errorCode;
    /// <summary>The wire name of the request field the error is about, if any.</summary>
    public string? FieldName { get; private set; }

    /// <summary>Response headers the error needs, e.g. Retry-After on a 429 or 503.</summary>
    public Dictionary<string, string> Headers { get; } = [];

    public HttpError ForField(string fieldName)
    {
        FieldName = fieldName;
        return this;
    }

    public static HttpError BadRequest(string message, string errorCode = "BadRequest") => new(400, errorCode, message);
    public static HttpError Unauthorized(string message) => new(401, "Unauthorized", message);
    public static HttpError Forbidden(string message) => new(403, "Forbidden", message);
    public static HttpError NotFound(string message) => new(404, "NotFound", message);
    public static HttpError Conflict(string message, string errorCode = "Conflict") => new(409, errorCode, message);
}

/// <summary>A bearer token that is present but invalid, expired or revoked: always a 401.</summary>
public class TokenException(string message) : AuthenticationException(message);
