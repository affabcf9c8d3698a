using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Reliability;

/// <summary>
/// The host is killed (SIGKILL) at random moments while clients register and log out, or ask
/// for password resets, and restarted each time: everything it acknowledged with a 2xx must
/// still be so afterwards, and every acknowledged reset must reach the mailbox.
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
    private readonly ConcurrentDictionary<string, int> resetsAcknowledged = new();
    private int attempts;
    private int unanswered;
    private int resetsUnanswered;

    [Test]
    public async Task Every_acknowledged_registration_and_logout_survives_kill_dash_9()
    {
        using var database = TestDatabase.Create(kind);
        var random = new Random(Seed);
        for (var kill = 0; kill < Kills; kill++)
        {
            // One service restarted: the same issuer, so a token is refused after the kill only if its logout survived.
            await using var host = await RunningHost.StartAsync(database, RunningHost.OneService);
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(() => StreamAsync(host.BaseUrl, stop.Token))).ToList();

            // A fresh process's first registration and logout take up to a second (bcrypt, the
            // first signature and verification): some lives must be longer, or no logout is ever made.
            await Task.Delay(random.Next(50, 1500));
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        await using var survivor = await RunningHost.StartAsync(database, RunningHost.OneService);
        await VerifyAsync(survivor.BaseUrl);
        TestContext.Progress.WriteLine(
            $"{kind}, {Kills} kills: {attempts} requests, {registered.Count} registrations and {revoked.Count} logouts acknowledged, " +
            $"{unanswered} requests cut off by a kill; after restart every acknowledged user signs in and every revoked token is refused");
        Assert.That(registered, Is.Not.Empty, "the clients got something done between kills");
        Assert.That(revoked, Is.Not.Empty, "the clients logged out between kills");
    }

    [Test]
    public async Task Every_acknowledged_password_reset_is_mailed_after_kill_dash_9()
    {
        using var smtp = SmtpServer.Start();
        using var database = TestDatabase.Create(kind);
        // Every request its own mail (no resend interval to merge them), and a dead host's claims back within seconds.
        var settings = new Dictionary<string, string>
        {
            ["Email__SmtpUrl"] = smtp.Url, ["Email__ResendInterval"] = "00:00:00.001", ["Email__ClaimLease"] = "00:00:02",
            ["Email__RetryDelay"] = "00:00:00.200", ["Email__MaxRetryDelay"] = "00:00:01",
        };
        var accounts = Enumerable.Range(0, 40).Select(i => $"mailcrash{run}_{i}@example.com").ToArray();
        await using (var first = await RunningHost.StartAsync(database, settings))
        {
            using var http = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
            foreach (var email in accounts)
                (await http.PostAsJsonAsync("/user", new { email, username = email.Split('@')[0], password = Password })).EnsureSuccessStatusCode();
        }

        var random = new Random(Seed);
        var kills = Math.Max(1, Kills / 2);
        for (var kill = 0; kill < kills; kill++)
        {
            await using var host = await RunningHost.StartAsync(database, settings);
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => ForgetAsync(host.BaseUrl, accounts, new Random(Seed + c + kill * Clients), stop.Token))).ToList();

            await Task.Delay(random.Next(50, 800));
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        await using var survivor = await RunningHost.StartAsync(database, settings);
        var delivered = await WaitForResetsAsync(smtp, accounts);
        var acknowledged = resetsAcknowledged.Values.Sum();
        var duplicates = delivered.Count - delivered.Select(m => m.MessageId).Distinct().Count();
        TestContext.Progress.WriteLine(
            $"{kind}, {kills} kills: {acknowledged} password resets acknowledged, {resetsUnanswered} requests cut off or refused by a killed host; " +
            $"{delivered.Count} reset mails delivered, {duplicates} of them again after a kill (same Message-ID)");
        Assert.That(acknowledged, Is.GreaterThan(0), "the clients got something done between kills");
        foreach (var email in accounts)
        {
            var ids = delivered.Where(m => m.To.Mailboxes.Single().Address == email).Select(m => m.MessageId).Distinct().Count();
            Assert.That(ids, Is.GreaterThanOrEqualTo(resetsAcknowledged.GetValueOrDefault(email)), $"{email}: an acknowledged reset's mail is missing");
        }
        // A kill between the SMTP server's acceptance and the row's mark sends that batch again: at most one batch a kill.
        Assert.That(duplicates, Is.LessThanOrEqualTo(20 * kills));
    }

    /// <summary>One client: forgot-password for one account after another, noting each the host acknowledged.</summary>
    private async Task ForgetAsync(string baseUrl, string[] accounts, Random random, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        while (!stop.IsCancellationRequested)
        {
            var email = accounts[random.Next(accounts.Length)];
            try
            {
                var response = await http.PostAsJsonAsync("/auth/forgot-password", new { email }, stop);
                if ((int)response.StatusCode == 202)
                    resetsAcknowledged.AddOrUpdate(email, 1, (_, count) => count + 1);
                await Task.Delay(25, stop);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // Cut off or refused by a dead host: never acknowledged.
                Interlocked.Increment(ref resetsUnanswered);
                if (!stop.IsCancellationRequested)
                    await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    /// <summary>The reset mails, once each account has at least as many as were acknowledged for it (or a minute has passed).</summary>
    private async Task<List<MimeKit.MimeMessage>> WaitForResetsAsync(SmtpServer smtp, string[] accounts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var resets = smtp.Messages.Where(m => (m.Subject ?? "").Contains("Reset your", StringComparison.Ordinal)).ToList();
            var byAccount = resets.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Select(m => m.MessageId).Distinct().Count());
            if (accounts.All(a => byAccount.GetValueOrDefault(a) >= resetsAcknowledged.GetValueOrDefault(a)) || DateTime.UtcNow > deadline)
                return resets;
            await Task.Delay(500);
        }
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
