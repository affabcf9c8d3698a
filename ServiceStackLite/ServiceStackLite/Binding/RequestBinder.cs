using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using ServiceStack.Host;
using ServiceStack.Routing;

namespace ServiceStack.Binding;

/// <summary>
/// Builds request DTOs as ServiceStack does. The body comes first: a form, or else JSON whatever
/// the content type. On a custom route, path variables and then the query string overwrite it;
/// on a pre-defined route (<c>/api/{Name}</c>) the query string only fills what is still unset.
/// </summary>
public sealed class RequestBinder(ServiceStackLiteOptions options)
{
    public async Task<object> BindAsync(NetCoreRequest request, RouteKind kind)
    {
        var requestType = request.Operation.RequestType;
        var properties = DtoProperties.Of(requestType);
        var http = request.HttpContext.Request;
        var dto = await ReadBodyAsync(request, requestType, properties) ?? properties.Create();

        if (kind == RouteKind.Custom)
        {
            foreach (var (key, value) in http.RouteValues)
                properties.Find(key)?.SetFromText(dto, value?.ToString());
        }
        foreach (var (key, values) in http.Query)
        {
            if (properties.Find(key) is { } property && (kind == RouteKind.Custom || property.IsUnset(dto)))
                property.SetFromText(dto, values.ToString());
        }
        return dto;
    }

    /// <summary>The requests of a batch (<c>POST /api/{Name}[]</c>): a JSON array of DTOs.</summary>
    public async Task<IReadOnlyList<object>> BindBatchAsync(NetCoreRequest request)
    {
        var context = request.HttpContext;
        var requestType = request.Operation.RequestType;
        var body = HasBody(context) ? (await ReadBytesAsync(context)).WrittenMemory : default;
        var text = body.Span.Trim(" \t\r\n"u8);
        if (text.IsEmpty || text[0] != (byte)'[')
            throw HttpError.BadRequest("SerializationException", "A batch request body must be a JSON array of requests.");
        var requests = (Array)Deserialize(text, requestType.MakeArrayType(), context.Request.ContentType)!;
        return requests.Cast<object?>()
            .Select(r => r ?? throw HttpError.BadRequest("SerializationException", "A batch request may not contain null."))
            .ToList();
    }

    /// <summary>
    /// A <c>[Secret]</c> in the URL has been seen by every proxy and log on the way: it is refused
    /// before anything else is said of the request, and never used.
    /// </summary>
    public static void RefuseSecretsInQuery(NetCoreRequest request)
    {
        var properties = DtoProperties.Of(request.Operation.RequestType);
        foreach (var key in request.HttpContext.Request.Query.Keys)
        {
            if (properties.Find(key) is { IsSecret: true } secret)
                throw HttpError.Validation("SecretInUrl", $"{secret.WireName} must be sent in the request body, never in the URL.", secret.WireName);
        }
    }

    private async Task<object?> ReadBodyAsync(NetCoreRequest netCore, Type requestType, DtoProperties properties)
    {
        var context = netCore.HttpContext;
        var request = context.Request;
        if (!HasBody(context))
            return null;
        if (IsMultipart(request))
        {
            var dto = properties.Create();
            var form = await ReadMultipartAsync(context);
            SetAll(properties, dto, form);
            netCore.FormData = NetCoreRequest.Collect(form);
            return dto;
        }

        var body = await ReadBytesAsync(context);
        var text = body.WrittenSpan.Trim(" \t\r\n"u8);
        if (text.IsEmpty)
            return null;
        if (request.HasFormContentType && text[0] is not (byte)'{')
        {
            var dto = properties.Create();
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(text));
            SetAll(properties, dto, form);
            netCore.FormData = NetCoreRequest.Collect(form);
            return dto;
        }
        // JSON whatever the content type: ServiceStack's clients send text/plain, and curl -d
        // sends JSON labelled as a form.
        return Deserialize(text, requestType, request.ContentType);
    }

    private static void SetAll(DtoProperties properties, object dto, IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        foreach (var (key, value) in values)
            properties.Find(key)?.SetFromText(dto, value.ToString());
    }

    private async Task<IFormCollection> ReadMultipartAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
            throw TooLarge(options.MaxRequestBodyBytes);
        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        // A missing boundary or a malformed part is the client's mistake. BadHttpRequestException
        // is an IOException too, but it already says what went wrong (a body too large: 413).
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException && e is not BadHttpRequestException)
        {
            throw HttpError.BadRequest("SerializationException", "The request body is not a valid multipart form. Send a JSON object with Content-Type: application/json.");
        }
    }

    private static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    private static bool HasBody(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method)
        && !HttpMethods.IsHead(context.Request.Method)
        && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false;

    private async Task<ArrayBufferWriter<byte>> ReadBytesAsync(HttpContext context)
    {
        var limit = options.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
            throw TooLarge(limit);

        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var read = await context.Request.Body.ReadAsync(buffer.GetMemory(8192), context.RequestAborted);
            if (read == 0) break;
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) throw TooLarge(limit);
        }
        return buffer;
    }

    private object? Deserialize(ReadOnlySpan<byte> json, Type requestType, string? contentType)
    {
        try
        {
            return JsonSerializer.Deserialize(json, requestType, options.Json);
        }
        catch (JsonException e)
        {
            throw NotJson(e, contentType);
        }
    }

    private static HttpError TooLarge(long limit) =>
        new(413, "RequestTooLarge", $"The request body is larger than the {limit / 1024} KiB this service accepts.");

    private static Exception NotJson(JsonException e, string? contentType)
    {
        var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal)
            ? path[2..].Split('.', '[')[0]
            : null;
        // System.Text.Json says "could not be converted" when the JSON is sound but a value has the wrong type.
        if (field is not null && e.Message.Contains("could not be converted", StringComparison.Ordinal))
            return HttpError.Validation("SerializationException", $"{field} has a value of the wrong type.", field);

        var hint = contentType is null || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? ""
            : " Send a JSON object with Content-Type: application/json.";
        var message = field is null ? $"The request body is not valid JSON.{hint}" : $"The request body is not valid JSON at {e.Path}.{hint}";
        return field is null ? HttpError.BadRequest("SerializationException", message) : HttpError.Validation("SerializationException", message, field);
    }
}
