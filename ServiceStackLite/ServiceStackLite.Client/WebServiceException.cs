using System.Globalization;
using System.Text.Json;
using ServiceStack.Json;

namespace ServiceStack;

/// <summary>
/// A non-2xx answer. <see cref="ResponseStatus"/> is the body's <c>responseStatus</c>, or, when the
/// body has none, one made from the status line, as ServiceStack's clients do, so callers always
/// have an error code and a message to show.
/// </summary>
public class WebServiceException(int statusCode, string statusDescription, string responseBody, ResponseStatus responseStatus)
    : Exception(string.IsNullOrEmpty(responseStatus.Message) ? statusDescription : responseStatus.Message)
{
    private static readonly JsonSerializerOptions Json = JsonConventions.CreateOptions();

    public int StatusCode { get; } = statusCode;
    /// <summary>The HTTP reason phrase, e.g. "Unauthorized".</summary>
    public string StatusDescription { get; } = statusDescription;
    /// <summary>The body exactly as it came, for errors that are not JSON.</summary>
    public string ResponseBody { get; } = responseBody;
    public ResponseStatus ResponseStatus { get; } = responseStatus;

    public string ErrorCode => ResponseStatus.ErrorCode;
    public string ErrorMessage => ResponseStatus.Message;

    /// <summary>One entry per invalid field; empty when the error is not about fields.</summary>
    public List<ResponseError> GetFieldErrors() => ResponseStatus.Errors;

    internal static WebServiceException From(int statusCode, string? reasonPhrase, string body)
    {
        var description = reasonPhrase ?? "";
        var status = ParseStatus(body) ?? new ResponseStatus
        {
            ErrorCode = statusCode.ToString(CultureInfo.InvariantCulture),
            Message = description,
        };
        return new WebServiceException(statusCode, description, body, status);
    }

    private static ResponseStatus? ParseStatus(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            var status = JsonSerializer.Deserialize<ErrorResponse>(body, Json)?.ResponseStatus;
            // An explicit "errors": null must not leave callers a null list.
            status?.Errors ??= [];
            return status;
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML page, a text/plain "Forbidden", …
        }
    }
}
