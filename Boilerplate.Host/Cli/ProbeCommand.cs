namespace Boilerplate.Host.Cli;

/// <summary>
/// <c>probe URL</c>: a health check for a container image that has no curl. It builds no host and
/// reads no settings, so it costs a fraction of a second.
/// </summary>
public static class ProbeCommand
{
    public static async Task<int> RunAsync(Uri url, TextWriter error)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
            if (response.IsSuccessStatusCode)
                return 0;
            await error.WriteLineAsync($"error: {url} answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"error: {url} did not answer: {e.Message}");
        }
        return 1;
    }
}
