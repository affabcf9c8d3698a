using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Logging;

/// <summary>Logs as JSON by setting, and every error body names the trace id its request's log lines carry.</summary>
public class JsonLogTests
{
    [Test]
    public async Task An_error_s_trace_id_is_the_one_on_its_request_s_json_log_line()
    {
        using var database = new SqliteTestDatabase();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        await using var host = await HostProcess.ServeAsync(["--urls", url], new()
        {
            ["BOILERPLATE_ENV"] = "test",
            ["DATABASE_URL"] = database.Url,
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
            ["Logging__LogLevel__Microsoft.AspNetCore.HttpLogging"] = "Information",
        }, url + "/health/live");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url + "/user/me") { Headers = { { "Authorization", "Bearer not.a.token" } } };

        using var response = await http.SendAsync(request);
        var traceId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["responseStatus"]!["meta"]!["traceId"]!.GetValue<string>();
        await Task.Delay(500);

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(traceId, Does.Match("^[0-9a-f]{32}$"), "a W3C trace id");
        var lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        var requestLine = lines.Single(line => line["Category"]!.GetValue<string>().EndsWith("HttpLoggingMiddleware", StringComparison.Ordinal)
                                               && line["State"]!["Path"]!.GetValue<string>() == "/user/me");
        Assert.That(requestLine["State"]!["StatusCode"]!.GetValue<int>(), Is.EqualTo(401));
        Assert.That(requestLine["Scopes"]!.AsArray().Select(scope => scope!["TraceId"]?.GetValue<string>()), Does.Contain(traceId));
    }

    [TestCase("/no/such/route", 404)]
    [TestCase("/api/NoSuchOperation", 405)]
    [TestCase("/user/me", 401)]
    public async Task Every_error_body_carries_a_trace_id(string path, int status)
    {
        using var factory = new ApiFactory();

        var response = await factory.CreateApi().GetAsync(path);

        Assert.That(response.Status, Is.EqualTo(status));
        Assert.That(response.ResponseStatus["meta"]!["traceId"]!.GetValue<string>(), Is.Not.Empty);
    }
}
