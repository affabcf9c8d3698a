using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceStack.Json;

namespace ServiceStack;

/// <summary>
/// A typed client for a ServiceStack-style API: it sends a request DTO along the DTO's own
/// <c>[Route]</c> (see <see cref="RequestRoutes"/>) and reads the response as the DTO's
/// <c>IReturn&lt;T&gt;</c> type, with the same JSON conventions as the server. Any non-2xx
/// answer throws <see cref="WebServiceException"/>.
/// </summary>
public sealed class JsonServiceClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = JsonConventions.CreateOptions();
    private readonly HttpClient http;
    private readonly bool ownsHttp;

    public JsonServiceClient(string baseUrl) : this(new HttpClient { BaseAddress = new Uri(baseUrl) }, ownsHttp: true)
    {
    }

    /// <summary>Uses a caller's <see cref="HttpClient"/> (e.g. a test server's), which must have a BaseAddress.</summary>
    public JsonServiceClient(HttpClient http) : this(http, ownsHttp: false)
    {
    }

    private JsonServiceClient(HttpClient http, bool ownsHttp)
    {
        var baseAddress = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress.", nameof(http));
        // Routes start with '/'; appending them (not resolving them) keeps a base path such as /app.
        BaseUrl = baseAddress.ToString().TrimEnd('/');
        this.http = http;
        this.ownsHttp = ownsHttp;
    }

    public string BaseUrl { get; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> with every request while set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// While set, a 401 is answered as ServiceStack's clients do: the refresh token is exchanged at
    /// <c>GetAccessToken</c>, both tokens are replaced by what comes back (the server rotates the
    /// refresh token), and the request is sent once more.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>Sends with the DTO's own verb: its IVerb marker, else its routes' one verb, else POST.</summary>
    public Task<T> SendAsync<T>(IReturn<T> request, CancellationToken cancellationToken = default) =>
        SendAsync(PreferredVerb.Of(request.GetType()), request, cancellationToken);

    public async Task SendAsync(IReturnVoid request, CancellationToken cancellationToken = default) =>
        await ExchangeAsync(RequestRoutes.Resolve(request, PreferredVerb.Of(request.GetType())), cancellationToken);

    public Task<T> GetAsync<T>(IReturn<T> request, CancellationToken cancellationToken = default) =>
        SendAsync("GET", request, cancellationToken);

    public Task<T> PostAsync<T>(IReturn<T> request, CancellationToken cancellationToken = default) =>
        SendAsync("POST", request, cancellationToken);

    public Task<T> PutAsync<T>(IReturn<T> request, CancellationToken cancellationToken = default) =>
        SendAsync("PUT", request, cancellationToken);

    public Task<T> PatchAsync<T>(IReturn<T> request, CancellationToken cancellationToken = default) =>
        SendAsync("PATCH", request, cancellationToken);

    public Task<T> DeleteAsync<T>(IReturn<T> request, CancellationToken cancellationToken = default) =>
        SendAsync("DELETE", request, cancellationToken);

    public void Dispose()
    {
        if (ownsHttp)
            http.Dispose();
    }

    private async Task<T> SendAsync<T>(string verb, IReturn<T> request, CancellationToken cancellationToken)
    {
        var body = await ExchangeAsync(RequestRoutes.Resolve(request, verb), cancellationToken);
        // A 204 (the server's answer to a null result) has nothing to read; the caller gets default.
        return body.Length == 0 ? default! : JsonSerializer.Deserialize<T>(body, Json)!;
    }

    private async Task<string> ExchangeAsync(RequestTarget target, CancellationToken cancellationToken)
    {
        try
        {
            return await SendOnceAsync(target, BearerToken, cancellationToken);
        }
        catch (WebServiceException e) when (e.StatusCode == 401 && !string.IsNullOrEmpty(RefreshToken))
        {
            await RenewTokensAsync(cancellationToken);
            return await SendOnceAsync(target, BearerToken, cancellationToken);
        }
    }

    private async Task RenewTokensAsync(CancellationToken cancellationToken)
    {
        var refresh = new RequestTarget("POST", "/json/reply/GetAccessToken", new JsonObject { ["refreshToken"] = RefreshToken });
        var tokens = JsonNode.Parse(await SendOnceAsync(refresh, bearerToken: null, cancellationToken));
        BearerToken = tokens?["accessToken"]?.GetValue<string>();
        if (tokens?["refreshToken"]?.GetValue<string>() is { Length: > 0 } next)
            RefreshToken = next;
    }

    /// <summary>Sends one request and returns the body of a 2xx answer; throws for any other.</summary>
    private async Task<string> SendOnceAsync(RequestTarget target, string? bearerToken, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(target.Verb), BaseUrl + target.Url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(bearerToken))
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        if (target.Body is not null)
            message.Content = new StringContent(target.Body.ToJsonString(Json), Encoding.UTF8, "application/json");

        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw WebServiceException.From((int)response.StatusCode, response.ReasonPhrase, body);
        return body;
    }
}
