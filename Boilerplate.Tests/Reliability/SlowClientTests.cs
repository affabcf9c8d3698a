using System.Net.Sockets;
using System.Text;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Reliability;

/// <summary>
/// Clients that drip their headers or body a byte at a time are cut off, on a real Kestrel socket
/// (the in-process test server has none), with short limits so the test need not wait long.
/// </summary>
public class SlowClientTests
{
    private static readonly TimeSpan DripInterval = TimeSpan.FromMilliseconds(200);
    private RunningHost host = null!;

    [OneTimeSetUp]
    public async Task StartHost() => host = await RunningHost.StartAsync(settings: new Dictionary<string, string>
    {
        ["Limits__RequestHeadersTimeout"] = "00:00:02",
        ["Limits__MinRequestBodyBytesPerSecond"] = "100",
        ["Limits__MinRequestBodyGracePeriod"] = "00:00:02",
    });

    [OneTimeTearDown]
    public async Task StopHost() => await host.DisposeAsync();

    [Test]
    public async Task Headers_sent_a_byte_at_a_time_are_cut_off()
    {
        using var client = new TcpClient("127.0.0.1", host.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("GET /user/me HTTP/1.1\r\nHost: localhost\r\n"u8.ToArray());

        // 100 bytes at 5 a second would take 20 s; the server's patience is 2 s.
        var answer = await DripAsync(stream, Encoding.ASCII.GetBytes("X-Slow: " + new string('a', 92)));

        Assert.That(answer, Is.Not.Null, "the server waited for the whole drip");
        Assert.That(answer, Is.Empty.Or.StartsWith("HTTP/1.1 408"));
    }

    [Test]
    public async Task A_body_sent_a_byte_at_a_time_is_cut_off()
    {
        using var client = new TcpClient("127.0.0.1", host.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("POST /auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"u8.ToArray());

        var answer = await DripAsync(stream, Encoding.ASCII.GetBytes("{\"email\":\"slow@example.com\",\"password\":\"" + new string('p', 57) + "\"}"));

        Assert.That(answer, Is.Not.Null, "the server waited for the whole drip");
        Assert.That(answer, Is.Empty.Or.StartsWith("HTTP/1.1 408"));
    }

    [Test]
    public async Task A_prompt_client_is_served_meanwhile()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(host.BaseUrl + "/user/me");
        Assert.That((int)response.StatusCode, Is.EqualTo(401));
    }

    /// <summary>
    /// Sends <paramref name="bytes"/> one at a time; returns what the server said once it ended
    /// the exchange ("" for a bare close), or null if it sat through the whole drip.
    /// </summary>
    private static async Task<string?> DripAsync(NetworkStream stream, byte[] bytes)
    {
        var buffer = new byte[4096];
        var read = stream.ReadAsync(buffer).AsTask();
        foreach (var b in bytes)
        {
            if (read.IsCompleted)
                break;
            try
            {
                await stream.WriteAsync(new[] { b });
            }
            catch (IOException)
            {
                break;
            }
            await Task.WhenAny(read, Task.Delay(DripInterval));
        }
        if (!read.IsCompleted)
            return null;
        try
        {
            return Encoding.ASCII.GetString(buffer, 0, await read);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
