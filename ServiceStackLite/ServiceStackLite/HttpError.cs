using System.Net;
using System.Security.Authentication;

namespace ServiceStack;

/// <summary>
/// An error a service throws on purpose: it becomes a response with this status, error code and
/// message. ServiceStack's constructors and factories, in ServiceStack's argument order.
/// </summary>
public class HttpError : Exception
{
    public HttpError(int statusCode, string errorCode)
        : this(statusCode, errorCode, null)
    {
    }

    public HttpError(int statusCode, string errorCode, string? errorMessage, Exception? innerException = null)
        : base(errorMessage ?? errorCode, innerException)
    {
        Status = statusCode;
        ErrorCode = errorCode;
    }

    public HttpError(HttpStatusCode statusCode, string? errorMessage)
        : this((int)statusCode, statusCode.ToString(), errorMessage)
    {
    }

    public HttpError(HttpStatusCode statusCode, string errorCode, string? errorMessage)
        : this((int)statusCode, errorCode, errorMessage)
    {
    }

    public string ErrorCode { get; set; }

    public int Status { get; set; }

    public HttpStatusCode StatusCode
    {
        get => (HttpStatusCode)Status;
        set => Status = (int)value;
    }

    /// <summary>Response headers the error needs, e.g. Retry-After on a 429 or 503.</summary>
    public Dictionary<string, string> Headers { get; } = [];

    /// <summary>The error as it is written; when null, one is made of <see cref="ErrorCode"/> and the message.</summary>
    public ResponseStatus? ResponseStatus { get; set; }

    public static Exception NotFound(string message) => new HttpError(HttpStatusCode.NotFound, message);
    public static Exception Unauthorized(string message) => new HttpError(HttpStatusCode.Unauthorized, message);
    public static Exception Forbidden(string message) => new HttpError(HttpStatusCode.Forbidden, message);
    public static Exception Conflict(string message) => new HttpError(HttpStatusCode.Conflict, message);
    public static Exception MethodNotAllowed(string message) => new HttpError(HttpStatusCode.MethodNotAllowed, message);
    public static Exception BadRequest(string message) => new HttpError(HttpStatusCode.BadRequest, message);
    public static Exception BadRequest(string errorCode, string message) => new HttpError(HttpStatusCode.BadRequest, errorCode, message);
    public static Exception ServiceUnavailable(string message) => new HttpError(HttpStatusCode.ServiceUnavailable, message);

    /// <summary>A 400 about one field, shaped as a validator's error: the field is named in <c>errors</c>.</summary>
    public static Exception Validation(string errorCode, string errorMessage, string fieldName) =>
        new HttpError(HttpStatusCode.BadRequest, errorCode, errorMessage)
        {
            ResponseStatus = new ResponseStatus
            {
                ErrorCode = errorCode,
                Message = errorMessage,
                Errors = [new ResponseError { ErrorCode = errorCode, FieldName = fieldName, Message = errorMessage }],
            },
        };
}

/// <summary>A bearer or refresh token that is present but invalid, expired or revoked: always a 401.</summary>
public class TokenException(string message) : AuthenticationException(message);
