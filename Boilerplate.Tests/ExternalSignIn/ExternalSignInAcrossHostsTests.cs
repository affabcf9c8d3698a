using System.Net;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.ExternalSignIn;

/// <summary>
/// Signing in with a provider when the browser's requests land on different hosts: two host
/// processes on one PostgreSQL database with one SECRET_KEY, behind Debian's nginx at one origin,
/// which sends <c>GET /auth/testid</c> to the first host and everything else (the callback,
/// <c>POST /auth/external/complete</c>, <c>/user/me</c>) to the second. The state, nonce cookie and
/// correlation are sealed under keys derived from SECRET_KEY and the identity waits in the database,
/// so a flow begun on one host finishes on the other. nginx names the host that answered each
/// request in a header of the test's own, and each host's request log says what it served.
/// </summary>
[NonParallelizable]
public class ExternalSignInAcrossHostsTests
{
    private const string Provider = "testid";
    private const string ClientId = "boilerplate-behind-nginx";
    private const string ClientSecret = "client-secret-of-the-nginx-test";
    private const string Secret = "a-long-random-secret-shared-by-both-hosts-7e2b";
    private const string ServedBy = "X-Served-By";
    private const string FinishPage = "/account/external";

    private TestDatabase database = null!;
    private TestOidcProvider provider = null!;
    private HostProcess.Serving first = null!, second = null!;
    private NginxServer nginx = null!;
    private string directory = null!;
    private string origin = null!;
    private string firstAddress = null!, secondAddress = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!NginxServer.Installed)
            Assert.Ignore("Needs Debian's nginx (apt-get install nginx; .ci/run does).");
        database = TestDatabase.Create(DatabaseKind.PostgreSql);
        directory = Directory.CreateTempSubdirectory("boilerplate-ext-nginx").FullName;

        var port = LoopbackPort.Free();
        origin = $"http://127.0.0.1:{port}";
        provider = await TestOidcProvider.StartAsync((ClientId, ClientSecret, $"{origin}/auth/{Provider}/callback"));

        (firstAddress, secondAddress) = ($"127.0.0.1:{LoopbackPort.Free()}", $"127.0.0.1:{LoopbackPort.Free()}");
        // One after the other: the first migrates the database on start (development's default).
        first = await HostProcess.ServeAsync([], Development(firstAddress), $"http://{firstAddress}/health/live");
        second = await HostProcess.ServeAsync([], Development(secondAddress), $"http://{secondAddress}/health/live");

        nginx = await NginxServer.StartAsync(directory, Configuration(port), origin + "/health/live");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (nginx is not null) await nginx.DisposeAsync();
        if (first is not null) await first.DisposeAsync();
        if (second is not null) await second.DisposeAsync();
        if (provider is not null) await provider.DisposeAsync();
        database?.Dispose();
        if (directory is not null)
            Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task A_sign_in_begun_on_one_host_is_finished_on_the_other_and_a_new_identity_gets_an_account()
    {
        using var browser = Browser();
        var email = $"ext-{Guid.NewGuid():N}@provider.example";
        var before = (Starts: Count(first, $"/auth/{Provider}"), Callbacks: Count(second, $"/auth/{Provider}/callback"));

        using var started = await browser.GetAsync($"/auth/{Provider}");
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await started.Content.ReadAsStringAsync());
        Assert.That(started.Headers.Location!.ToString(), Does.StartWith(provider.Authority));
        Assert.That(AnsweredBy(started), Is.EqualTo(firstAddress), "nginx sent the start to the first host");
        var callback = await provider.SignInAsync(started.Headers.Location!, Guid.NewGuid().ToString("N"), email, emailVerified: true);
        Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo($"{origin}/auth/{Provider}/callback"), "the public address's redirect URI, though the first host was asked at its own");

        using var back = await browser.GetAsync(callback);
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await back.Content.ReadAsStringAsync());
        Assert.That(back.Headers.Location!.ToString(), Is.EqualTo($"{FinishPage}?provider={Provider}"), second.Output);
        Assert.That(AnsweredBy(back), Is.EqualTo(secondAddress), "nginx sent the callback to the second host");

        var api = new Api(browser);
        var completed = await api.PostAsync("/auth/external/complete", new { });
        Assert.That(completed.Status, Is.EqualTo(200), completed.Text);
        Assert.That(AnsweredBy(completed.Message), Is.EqualTo(secondAddress));
        var me = await api.GetAsync("/user/me", completed.String("Authorization"));
        Assert.That(me.Status, Is.EqualTo(200), me.Text);
        Assert.That(AnsweredBy(me.Message), Is.EqualTo(secondAddress));
        Assert.That(me.String("email"), Is.EqualTo(email));
        Assert.That(me.Body["email_verified"]!.GetValue<bool>(), Is.True, "the provider verified it");

        // The hosts' own request logs agree with nginx: the start on the first only, the callback on the second only.
        await EventuallyAsync(() => Count(first, $"/auth/{Provider}") == before.Starts + 1 && Count(second, $"/auth/{Provider}/callback") == before.Callbacks + 1);
        Assert.That(Count(first, $"/auth/{Provider}"), Is.EqualTo(before.Starts + 1), first.Output);
        Assert.That(Count(second, $"/auth/{Provider}/callback"), Is.EqualTo(before.Callbacks + 1), second.Output);
        Assert.That(Count(second, $"/auth/{Provider}"), Is.Zero, "the second host began no sign-in");
        Assert.That(Count(first, $"/auth/{Provider}/callback"), Is.Zero, "the first host saw no callback");
        Assert.That(Count(first, "/auth/external/complete") + Count(first, "/user/me"), Is.Zero, "the first host finished nothing");
    }

    [Test]
    public async Task A_callback_replayed_on_the_other_host_without_the_browsers_cookies_signs_no_one_in()
    {
        using var browser = Browser();
        using var started = await browser.GetAsync($"/auth/{Provider}");
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await started.Content.ReadAsStringAsync());
        Assert.That(AnsweredBy(started), Is.EqualTo(firstAddress));
        var callback = await provider.SignInAsync(started.Headers.Location!, Guid.NewGuid().ToString("N"), $"ext-{Guid.NewGuid():N}@provider.example", emailVerified: true);
        using var elsewhere = Browser();

        using var replayed = await elsewhere.GetAsync(callback);
        var completed = await new Api(elsewhere).PostAsync("/auth/external/complete", new { });

        Assert.That(AnsweredBy(replayed), Is.EqualTo(secondAddress));
        Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(replayed.Headers.Location!.ToString(), Is.EqualTo($"{FinishPage}?provider={Provider}&error=failed"));
        Assert.That(replayed.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : Enumerable.Empty<string>(), Has.None.StartsWith("ss-ext="));
        Assert.That(completed.Status, Is.EqualTo(400), "no sign-in waits in the other browser");
        Assert.That(AnsweredBy(completed.Message), Is.EqualTo(secondAddress));
        // The second host read the first's state, and refused for the missing correlation cookie alone.
        await EventuallyAsync(() => second.Output.Contains($"Sign-in with {Provider} failed", StringComparison.Ordinal));
        Assert.That(second.Output, Does.Contain($"Sign-in with {Provider} failed: Correlation failed."));

        // The same callback from the browser that began it, with its cookies, still signs in: the refusal was the cookies'.
        using var back = await browser.GetAsync(callback);
        Assert.That(back.Headers.Location?.ToString(), Is.EqualTo($"{FinishPage}?provider={Provider}"), second.Output);
        var finished = await new Api(browser).PostAsync("/auth/external/complete", new { });
        Assert.That(finished.Status, Is.EqualTo(200), finished.Text);
    }

    private Dictionary<string, string?> Development(string address) => new()
    {
        // Development: production refuses a provider on plain http, and the test provider is one.
        ["BOILERPLATE_ENV"] = "dev",
        ["SECRET_KEY"] = Secret,
        ["DATABASE_URL"] = database.Url,
        ["ASPNETCORE_URLS"] = $"http://{address}",
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        ["App__PublicUrl"] = origin,
        ["Email__PickupFolder"] = Path.Combine(directory, "mail"),
        [$"Auth__External__{Provider}__Authority"] = provider.Authority,
        [$"Auth__External__{Provider}__ClientId"] = ClientId,
        [$"Auth__External__{Provider}__ClientSecret"] = ClientSecret,
        ["Logging__LogLevel__Microsoft.AspNetCore.HttpLogging"] = "Information",
    };

    /// <summary>
    /// The repository's proxy rules (deploy/nginx/proxy.conf), to the second host for everything but
    /// the start, which a copy of the same rules sends to the first; nginx names the host that answered.
    /// </summary>
    private string Configuration(int port)
    {
        var proxy = Path.Combine(RepositoryRoot.Path, "deploy", "nginx", "proxy.conf");
        var rules = File.ReadAllText(proxy);
        Assert.That(rules, Does.Contain("proxy_pass http://boilerplate;"));
        var toFirst = Path.Combine(directory, "proxy-to-first.conf");
        File.WriteAllText(toFirst, rules.Replace("proxy_pass http://boilerplate;", "proxy_pass http://first;", StringComparison.Ordinal));
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
                upstream first {
                    server {{firstAddress}};
                }
                upstream boilerplate {
                    server {{secondAddress}};
                }
                server {
                    listen 127.0.0.1:{{port}};
                    add_header {{ServedBy}} $upstream_addr always;
                    location = /auth/{{Provider}} {
                        include {{toFirst}};
                    }
                    location / {
                        include {{proxy}};
                    }
                }
            }
            """;
    }

    /// <summary>A browser at nginx's origin: its own cookies, no redirects followed.</summary>
    private HttpClient Browser() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(origin),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The host nginx passed the request to, as it says in its answer.</summary>
    private static string? AnsweredBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ServedBy, out var values) ? values.Single() : null;

    /// <summary>How many requests for exactly <paramref name="path"/> a host's request log holds.</summary>
    private static int Count(HostProcess.Serving host, string path) =>
        host.Output.Split('\n').Count(line => line.Trim() == $"Path: {path}");

    /// <summary>The request log is written after the answer, so what a host logged may come a moment later.</summary>
    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 50 && !condition(); attempt++)
            await Task.Delay(100);
    }
}
