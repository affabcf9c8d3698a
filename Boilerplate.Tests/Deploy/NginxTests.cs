using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Deploy;

/// <summary>
/// Debian's nginx with the repository's own configuration (the one compose.yaml runs) in front
/// of two production hosts on one PostgreSQL database, all on loopback; nginx also terminates TLS
/// here, as a load balancer would, on a listener of the test's own around the same proxy rules.
/// </summary>
[NonParallelizable]
public class NginxTests
{
    private const string Secret = "a-long-random-production-secret-behind-nginx-5c1d";
    private const string ClientAddress = "127.0.0.2";

    private TestDatabase database = null!;
    private HostProcess.Serving first = null!, second = null!;
    private NginxServer nginx = null!;
    private string directory = null!;
    private string httpUrl = null!, httpsUrl = null!;
    private string[] hostUrls = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!NginxServer.Installed || !File.Exists("/usr/bin/openssl"))
            Assert.Ignore("Needs Debian's nginx and openssl (apt-get install nginx openssl; .ci/run does).");
        database = TestDatabase.Create(DatabaseKind.PostgreSql);
        directory = Directory.CreateTempSubdirectory("boilerplate-nginx").FullName;

        hostUrls = [$"http://127.0.0.1:{LoopbackPort.Free()}", $"http://127.0.0.1:{LoopbackPort.Free()}"];
        var upgraded = await HostProcess.RunAsync(["db", "upgrade"], Production(hostUrls[0]));
        Assert.That(upgraded.ExitCode, Is.EqualTo(0), upgraded.Error);
        first = await HostProcess.ServeAsync([], Production(hostUrls[0]), hostUrls[0] + "/health/live");
        second = await HostProcess.ServeAsync([], Production(hostUrls[1]), hostUrls[1] + "/health/live");

        var (httpPort, httpsPort) = (LoopbackPort.Free(), LoopbackPort.Free());
        (httpUrl, httpsUrl) = ($"http://127.0.0.1:{httpPort}", $"https://127.0.0.1:{httpsPort}");
        await Run("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-keyout", Path.Combine(directory, "key.pem"), "-out", Path.Combine(directory, "cert.pem"));
        nginx = await NginxServer.StartAsync(directory, Configuration(httpPort, httpsPort), httpUrl + "/health/live");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (nginx is not null) await nginx.DisposeAsync();
        if (first is not null) await first.DisposeAsync();
        if (second is not null) await second.DisposeAsync();
        database?.Dispose();
    }

    [Test]
    public async Task Through_nginx_a_session_is_spread_over_both_hosts_and_a_logout_is_refused_by_each_within_a_second()
    {
        using var client = Client();
        var token = await RegisterAsync(client, "spread");
        var before = (Served(first), Served(second));

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.SendAsync(Get(httpsUrl + "/user/me", token));
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }
        await Task.Delay(300);
        Assert.That(Served(first) - before.Item1, Is.GreaterThan(0), "the first host served some");
        Assert.That(Served(second) - before.Item2, Is.GreaterThan(0), "the second host served some");

        using var logout = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, httpsUrl + "/auth/logout") { Headers = { { "Authorization", $"Bearer {token}" } } });
        Assert.That((int)logout.StatusCode, Is.EqualTo(200));
        var refused = Stopwatch.StartNew();
        using var direct = new HttpClient();
        foreach (var host in hostUrls)
        {
            while (true)
            {
                // Straight to the host, as nginx would send it: the scheme it was asked by.
                var request = Get(host + "/user/me", token);
                request.Headers.Add("X-Forwarded-Proto", "https");
                using var answer = await direct.SendAsync(request);
                if ((int)answer.StatusCode == 401)
                    break;
                Assert.That(refused.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), $"{host} still accepts the logged-out token");
                await Task.Delay(20);
            }
        }
    }

    [Test]
    public async Task The_hosts_see_the_client_s_address_from_nginx_and_never_one_the_client_claims()
    {
        using var client = Client();
        var request = new HttpRequestMessage(HttpMethod.Post, httpsUrl + "/auth/login")
        {
            Content = Api.Json(new { email = "nobody-here@example.com", password = "wrong-password" }),
            Headers = { { "X-Forwarded-For", "203.0.113.9" } },
        };

        using var response = await client.SendAsync(request);
        await Task.Delay(300);

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        var audit = (first.Output + second.Output).Split('\n').Where(line => line.Contains("audit sign-in failed user=unknown", StringComparison.Ordinal)).ToList();
        Assert.That(audit, Has.Some.Contains($"client={ClientAddress}"), "the connection nginx saw, forwarded by a trusted proxy");
        Assert.That(audit, Has.None.Contains("203.0.113.9"));
    }

    [Test]
    public async Task Plain_http_through_nginx_is_redirected_to_https_and_https_is_served_but_the_health_probes_never_redirect()
    {
        using var client = Client();

        using var plain = await client.SendAsync(Get(httpUrl + "/user/me"));
        using var secure = await client.SendAsync(Get(httpsUrl + "/user/me"));
        using var health = await client.SendAsync(Get(httpUrl + "/health/ready"));

        Assert.That((int)plain.StatusCode, Is.EqualTo(307));
        Assert.That(plain.Headers.Location?.Scheme, Is.EqualTo("https"));
        Assert.That((int)secure.StatusCode, Is.EqualTo(401), "X-Forwarded-Proto: https from nginx, so no redirect");
        Assert.That((int)health.StatusCode, Is.EqualTo(200));
    }

    private Dictionary<string, string?> Production(string url) => new()
    {
        ["BOILERPLATE_ENV"] = "prod",
        ["SECRET_KEY"] = Secret,
        ["DATABASE_URL"] = database.Url,
        ["ASPNETCORE_URLS"] = url,
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        ["SMTP_URL"] = "smtp://127.0.0.1:1?tls=none",
        ["App__PublicUrl"] = "https://app.example.test",
        ["Logging__LogLevel__Microsoft.AspNetCore.HttpLogging"] = "Information",
    };

    /// <summary>The repository's template, rendered as nginx's image renders it, inside a wrapper with a TLS listener.</summary>
    private string Configuration(int httpPort, int httpsPort)
    {
        var proxy = Path.Combine(RepositoryRoot.Path, "deploy", "nginx", "proxy.conf");
        var rendered = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "nginx", "default.conf.template"))
            .Replace("${BOILERPLATE_HOST_1}", hostUrls[0]["http://".Length..], StringComparison.Ordinal)
            .Replace("${BOILERPLATE_HOST_2}", hostUrls[1]["http://".Length..], StringComparison.Ordinal)
            .Replace("${NGINX_PORT}", $"{httpPort}", StringComparison.Ordinal)
            .Replace("/etc/nginx/boilerplate/proxy.conf", proxy, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, "default.conf"), rendered);
        return $$"""
            daemon off;
            user root;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log;
            events {}
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                include {{directory}}/default.conf;
                server {
                    listen {{httpsPort}} ssl;
                    ssl_certificate {{directory}}/cert.pem;
                    ssl_certificate_key {{directory}}/key.pem;
                    location / {
                        include {{proxy}};
                    }
                }
            }
            """;
    }

    /// <summary>A client that connects from 127.0.0.2, so its address differs from nginx's own, and trusts the test's certificate.</summary>
    private static HttpClient Client() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(ClientAddress), 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancel);
            return new NetworkStream(socket, ownsSocket: true);
        },
    });

    private async Task<string> RegisterAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsync(httpsUrl + "/user", Api.Json(new { email = $"{name}@example.com", username = name, password = "password-123" }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(201), body);
        return System.Text.Json.Nodes.JsonNode.Parse(body)!["Authorization"]!.GetValue<string>();
    }

    private static HttpRequestMessage Get(string url, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
            request.Headers.Add("Authorization", $"Bearer {token}");
        return request;
    }

    /// <summary>How many requests for /user/me a host's request log holds.</summary>
    private static int Served(HostProcess.Serving host) =>
        host.Output.Split('\n').Count(line => line.Trim() == "Path: /user/me");

    private static async Task Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.EqualTo(0), await process.StandardError.ReadToEndAsync());
    }
}
