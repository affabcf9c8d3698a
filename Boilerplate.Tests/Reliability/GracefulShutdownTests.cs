using System.Collections.Concurrent;
using System.Diagnostics;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Reliability;

/// <summary>
/// SIGTERM under a stream of registrations: the host stops taking connections, lets the requests
/// it has finish, stops its background workers and exits 0; nothing it acknowledged is lost and
/// no client hears a 5xx.
/// </summary>
[OnEachDatabase]
public class GracefulShutdownTests(DatabaseKind kind)
{
    private const int Clients = 4;
    private const string Password = "shutdown-pass-1";

    private readonly ConcurrentQueue<string> acknowledged = new();
    private readonly ConcurrentQueue<int> failures = new();

    [Test]
    public async Task Sigterm_loses_no_acknowledged_registration_and_answers_no_5xx()
    {
        using var database = TestDatabase.Create(kind);
        await using var host = await RunningHost.StartAsync(database);
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(() => RegisterAsync(host.BaseUrl, client, stop.Token))).ToList();

        await Task.Delay(1500);
        var stopping = Stopwatch.StartNew();
        var exitCode = await host.TerminateAsync();
        stopping.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        await using var restarted = await RunningHost.StartAsync(database);
        using var http = new HttpClient { BaseAddress = new Uri(restarted.BaseUrl) };
        var lost = new List<string>();
        foreach (var name in acknowledged)
        {
            using var login = await http.PostAsync("/auth/login", Api.Json(new { email = $"{name}@example.com", password = Password }));
            if ((int)login.StatusCode != 200)
                lost.Add(name);
        }

        TestContext.Progress.WriteLine($"{kind}: {acknowledged.Count} registrations acknowledged before SIGTERM; stopped in {stopping.ElapsedMilliseconds} ms");
        Assert.That(exitCode, Is.EqualTo(0), host.Output);
        Assert.That(acknowledged, Has.Count.GreaterThan(Clients), "the clients were registering when the signal came");
        Assert.That(failures, Is.Empty, "no 5xx");
        Assert.That(lost, Is.Empty, "every acknowledged registration signs in after the restart");
        Assert.That(host.Output, Does.Not.Contain("BackgroundService failed").And.Not.Contain("Unhandled exception"));
    }

    /// <summary>One client registering as fast as it can until the host stops answering.</summary>
    private async Task RegisterAsync(string baseUrl, int client, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var name = $"shutdown_{client}_{i}";
            try
            {
                using var response = await http.PostAsync("/user", Api.Json(new { email = $"{name}@example.com", username = name, password = Password }), stop);
                if ((int)response.StatusCode == 201)
                    acknowledged.Enqueue(name);
                else if ((int)response.StatusCode >= 500)
                    failures.Enqueue((int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Refused or cut off once the host has closed its doors: no answer, so nothing acknowledged.
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }
}
