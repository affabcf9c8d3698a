using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ServiceStack.Binding;

/// <summary>
/// Builds a request DTO the way ServiceStack does for custom routes: the body first (a form, or
/// else JSON whatever the content type), then path variables, then the query string, each
/// overwriting the last.
/// </summary>
public sealed class RequestBinder(ServiceStackLiteOptions options)
{
    public async Task<object> BindAsync(HttpContext context, Type requestType)
    {
        var properties = DtoProperties.Of(requestType);
        var request = context.Request;
        object? dto = null;

        if (HasBody(context))
        {
            if (IsMultipart(request))
            {
                dto = properties.Create();
                SetAll(properties, dto, await request.ReadFormAsync(context.RequestAborted));
            }
            else
            {
                var body = await ReadBodyAsync(context);
                var text = body.WrittenSpan.Trim(" \t\r\n"u8);
                if (text.IsEmpty)
                {
                    dto = null;
                }
                else if (request.HasFormContentType && text[0] is not (byte)'{')
                {
                    dto = properties.Create();
                    SetAll(properties, dto, QueryHelpers.ParseQuery(Encoding.UTF8.GetString(text)));
                }
                else
                {
                    // JSON whatever the content type: ServiceStack's clients send text/plain, and
                    // curl -d sends JSON labelled as a form.
                    dto = Deserialize(text, requestType, request.ContentType);
                }
            }
        }
        dto ??= properties.Create();

        foreach (var (key, value) in request.RouteValues)
            properties.Find(key)?.SetFromText(dto, value?.ToString());
        foreach (var (key, values) in request.Query)
            properties.Find(key)?.SetFromText(dto, values.ToString());
        return dto;
    }

    private static void SetAll(DtoProperties properties, object dto, IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        foreach (var (key, value) in values)
            properties.Find(key)?.SetFromText(dto, value.ToString());
    }

    private static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    private static bool HasBody(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method)
        && !HttpMethods.IsHead(context.Request.Method)
        && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false;

    private async Task<ArrayBufferWriter<byte>> ReadBodyAsync(HttpContext context)
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

    private static HttpError NotJson(JsonException e, string? contentType)
    {
        var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal)
            ? path[2..].Split('.', '[')[0]
            : null;
        // System.Text.Json says "could not be converted" when the JSON is sound but a value has the wrong type.
        if (field is not null && e.Message.Contains("could not be converted", StringComparison.Ordinal))
            return HttpError.BadRequest($"{field} has a value of the wrong type.", "SerializationException").ForField(field);

        var hint = contentType is null || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? ""
            : " Send a JSON object with Content-Type: application/json.";
        var where = field is null ? "" : $" at {e.Path}";
        var error = HttpError.BadRequest($"The request body is not valid JSON{where}.{hint}", "SerializationException");
        return field is null ? error : error.ForField(field);
    }
}
