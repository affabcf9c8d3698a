using System.Net.Sockets;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Reliability;

/// <summary>A crowd of idle connections does not lock out a client that has something to say.</summary>
public class IdleConnectionTests
{
    private const int IdleConnections = 1000;

    [Test]
    public async Task A_thousand_idle_connections_do_not_stop_a_new_client_being_served()
    {
        await using var host = await RunningHost.StartAsync();
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < IdleConnections; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", host.Port);
                idle.Add(client);
            }

            using var http = new HttpClient();
            var response = await http.GetAsync(host.BaseUrl + "/user/me");

            Assert.That((int)response.StatusCode, Is.EqualTo(401));
            Assert.That(idle.Count(c => c.Connected), Is.EqualTo(IdleConnections), "the idle ones were all still open");
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }
}
