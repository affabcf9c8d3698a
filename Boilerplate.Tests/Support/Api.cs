using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Boilerplate.Tests.Support;

/// <summary>Raw HTTP with JSON bodies, so tests see exactly what a client sees on the wire.</summary>
public sealed class Api(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<ApiResponse> PostAsync(string path, object? body = null, string? token = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : Json(body), token);

    public Task<ApiResponse> PutAsync(string path, object body, string? token = null) =>
        SendAsync(HttpMethod.Put, path, Json(body), token);

    public Task<ApiResponse> GetAsync(string path, string? token = null) =>
        SendAsync(HttpMethod.Get, path, null, token);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? token = null, string? authorization = null, string? origin = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await Http.SendAsync(request);
        return new ApiResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static StringContent Json(object body) =>
        new(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Registers a user and returns the token the registration answers with.</summary>
    public async Task<string> RegisterAsync(string name, string password = "password-123")
    {
        var response = await PostAsync("/user", new { email = $"{name}@example.com", username = name, password });
        Assert.That(response.Status, Is.EqualTo(201), response.Text);
        return response.String("Authorization");
    }

    public async Task<string> LoginAsync(string email, string password)
    {
        var response = await PostAsync("/auth/login", new { email, password });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.String("Authorization");
    }
}

public sealed record ApiResponse(int Status, string Text, HttpResponseMessage Message)
{
    public JsonNode Body => JsonNode.Parse(Text) ?? throw new InvalidOperationException("The body is JSON null.");

    public string String(string key) => Body[key]?.GetValue<string>() ?? throw new KeyNotFoundException($"{key} is missing from {Text}");

    /// <summary>
    /// The body without its trace id, which differs per request by design: what two answers are
    /// compared by when they must not tell a guesser anything apart.
    /// </summary>
    public string TextWithoutTraceId
    {
        get
        {
            var body = Body;
            (body["responseStatus"]?["meta"] as JsonObject)?.Remove("traceId");
            return body.ToJsonString();
        }
    }

    /// <summary>The <c>responseStatus</c> object every error body carries.</summary>
    public JsonNode ResponseStatus => Body["responseStatus"] ?? throw new KeyNotFoundException($"responseStatus is missing from {Text}");

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
