using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Reliability;

/// <summary>
/// The host is killed (SIGKILL) at random moments while clients register and log out, and
/// restarted each time: everything it acknowledged with a 2xx must still be so afterwards.
/// BOILERPLATE_CRASH_KILLS asks for more kills than the default 20.
/// </summary>
[OnEachDatabase]
public class CrashDurabilityTests(DatabaseKind kind)
{
    private const int Clients = 4;
    private const int Seed = 8;
    private const string Password = "crash-password-1";

    private static readonly int Kills = int.TryParse(Environment.GetEnvironmentVariable("BOILERPLATE_CRASH_KILLS"), CultureInfo.InvariantCulture, out var kills) ? kills : 20;

    private readonly ConcurrentQueue<string> registered = new();
    private readonly ConcurrentQueue<string> revoked = new();
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private int attempts;
    private int unanswered;

    [Test]
    public async Task Every_acknowledged_registration_and_logout_survives_kill_dash_9()
    {
        using var database = TestDatabase.Create(kind);
        var random = new Random(Seed);
        for (var kill = 0; kill < Kills; kill++)
        {
            await using var host = await RunningHost.StartAsync(database);
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(() => StreamAsync(host.BaseUrl, stop.Token))).ToList();

            await Task.Delay(random.Next(50, 800));
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        await using var survivor = await RunningHost.StartAsync(database);
        await VerifyAsync(survivor.BaseUrl);
        TestContext.Progress.WriteLine(
            $"{kind}, {Kills} kills: {attempts} requests, {registered.Count} registrations and {revoked.Count} logouts acknowledged, " +
            $"{unanswered} requests cut off by a kill; after restart every acknowledged user signs in and every revoked token is refused");
        Assert.That(registered, Is.Not.Empty, "the clients got something done between kills");
        Assert.That(revoked, Is.Not.Empty, "the clients logged out between kills");
    }

    /// <summary>One client: register, sign in, log out, again and again, noting what the host acknowledged.</summary>
    private async Task StreamAsync(string baseUrl, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        while (!stop.IsCancellationRequested)
        {
            var name = $"crash{run}_{Interlocked.Increment(ref attempts)}";
            try
            {
                var registration = await http.PostAsJsonAsync("/user", new { email = $"{name}@example.com", username = name, password = Password }, stop);
                if ((int)registration.StatusCode != 201)
                    continue;
                registered.Enqueue($"{name}@example.com");

                var token = (await registration.Content.ReadFromJsonAsync<JsonObject>(stop))!["Authorization"]!.GetValue<string>();
                using var logout = new HttpRequestMessage(HttpMethod.Post, "/auth/logout") { Headers = { { "Authorization", "Bearer " + token } } };
                if ((int)(await http.SendAsync(logout, stop)).StatusCode == 200)
                    revoked.Enqueue(token);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The host died under this request; it was never acknowledged.
                Interlocked.Increment(ref unanswered);
                if (!stop.IsCancellationRequested)
                    await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    private async Task VerifyAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        foreach (var email in registered)
        {
            var login = await http.PostAsJsonAsync("/auth/login", new { email, password = Password });
            Assert.That((int)login.StatusCode, Is.EqualTo(200), $"{email} was acknowledged but cannot sign in");
        }
        foreach (var token in revoked)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/user/me") { Headers = { { "Authorization", "Bearer " + token } } };
            Assert.That((int)(await http.SendAsync(request)).StatusCode, Is.EqualTo(401), "a token logged out before the kill works again");
        }
    }
}
