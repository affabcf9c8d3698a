using System.Diagnostics;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ServiceStack.Binding;

namespace ServiceStack.Errors;

/// <summary>
/// The one table from exception to status code, and the one writer of error bodies.
/// Every error leaves as JSON with a ResponseStatus, never a stack trace.
/// </summary>
public sealed class ErrorResponder(ServiceStackLiteOptions options, ILogger<ErrorResponder> log)
{
    /// <summary>Where in <c>responseStatus.meta</c> every error carries its request's trace id.</summary>
    public const string TraceIdKey = "traceId";

    public (int StatusCode, ResponseStatus Status) Describe(Exception error, Type? requestType = null) => error switch
    {
        HttpError e => (e.Status, e.ResponseStatus ?? Status(e.ErrorCode, e.Message)),
        ValidationException e => (400, FromValidation(e, requestType)),
        TokenException e => (401, Status(nameof(TokenException), e.Message)),
        BadHttpRequestException e => (e.StatusCode, Status(e.StatusCode == 413 ? "RequestTooLarge" : "BadRequest", e.Message)),
        _ => (500, Status("InternalServerError", "An unexpected error occurred.")),
    };

    public Task WriteAsync(HttpContext context, Exception error, Type? requestType = null)
    {
        if (error is not HttpError && options.MapException(error) is { } mapped)
        {
            // A mapped 4xx is the client's doing; a mapped 5xx (a database outage) is worth a line.
            if (mapped.Status >= 500)
                log.LogWarning(error, "{Method} {Path} answered {StatusCode}", context.Request.Method, context.Request.Path, mapped.Status);
            error = mapped;
        }
        var (statusCode, status) = Describe(error, requestType);
        if (error is HttpError { Headers.Count: > 0 } withHeaders && !context.Response.HasStarted)
        {
            foreach (var (name, value) in withHeaders.Headers)
                context.Response.Headers[name] = value;
        }
        if (statusCode >= 500 && error is not HttpError)
            log.LogError(error, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
        return WriteAsync(context, statusCode, status);
    }

    public async Task WriteAsync(HttpContext context, int statusCode, ResponseStatus status)
    {
        var response = context.Response;
        if (response.HasStarted)
            return;
        // The id every log line of this request carries, so a client's report finds them.
        status.Meta ??= [];
        status.Meta[TraceIdKey] = Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
        response.StatusCode = statusCode;
        if (statusCode == 401)
            response.Headers.WWWAuthenticate = "Bearer";
        await response.WriteAsJsonAsync(options.CreateErrorBody(status), options.Json, context.RequestAborted);
    }

    /// <summary>Answers the bodiless 404s and 405s that routing produces with the same error shape.</summary>
    public Task WriteRoutingErrorAsync(HttpContext context)
    {
        var request = context.Request;
        var statusCode = context.Response.StatusCode;
        var status = statusCode switch
        {
            404 => Status("NotFound", $"No operation is found at {request.Method} {request.Path}."),
            405 => Status("MethodNotAllowed", $"{request.Path} does not accept {request.Method}."),
            _ => Status(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), $"The request failed with status {statusCode}."),
        };
        return WriteAsync(context, statusCode, status);
    }

    private static ResponseStatus FromValidation(ValidationException e, Type? requestType)
    {
        var properties = requestType is null ? null : DtoProperties.Of(requestType);
        var errors = e.Errors.Select(f => new ResponseError
        {
            ErrorCode = ErrorCodeOf(f.ErrorCode),
            FieldName = properties?.WireNameOf(f.PropertyName) ?? f.PropertyName,
            Message = f.ErrorMessage,
        }).ToList();
        // ServiceStack puts the first field error at the top, so a client can show one line.
        var first = errors.FirstOrDefault();
        return new ResponseStatus
        {
            ErrorCode = first?.ErrorCode ?? "ValidationException",
            Message = first?.Message ?? "The request is not valid.",
            Errors = errors,
        };
    }

    // FluentValidation codes are validator names ("NotEmptyValidator"); ServiceStack's drop the suffix.
    private static string ErrorCodeOf(string code) =>
        code.EndsWith("Validator", StringComparison.Ordinal) ? code[..^"Validator".Length] : code;

    private static ResponseStatus Status(string errorCode, string message) => new()
    {
        ErrorCode = errorCode,
        Message = message,
    };
}
