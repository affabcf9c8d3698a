using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceStackLite.Tests.Support;

/// <summary>Raw HTTP with JSON bodies, so a test sees exactly what a client sees on the wire.</summary>
public sealed class Api(HttpClient http)
{
    public Task<ApiResponse> PostAsync(string path, object? body = null, string? token = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : Json(body), token);

    public Task<ApiResponse> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, null, token);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? token = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await http.SendAsync(request);
        return new ApiResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static StringContent Json(object body) => new(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

public sealed record ApiResponse(int Status, string Text, HttpResponseMessage Message)
{
    public JsonNode Body => JsonNode.Parse(Text) ?? throw new InvalidOperationException("The body is JSON null.");

    public string String(string key) => Body[key]?.GetValue<string>() ?? throw new KeyNotFoundException($"{key} is missing from {Text}");

    /// <summary>The <c>responseStatus</c> object every error body carries.</summary>
    public JsonNode ResponseStatus => Body["responseStatus"] ?? throw new KeyNotFoundException($"responseStatus is missing from {Text}");

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
