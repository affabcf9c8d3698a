using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Mail;

/// <summary>
/// The outbox's promises: mail waits out an SMTP server that is down and goes when it returns,
/// gives up after Email:MaxAttempts, goes out once when two hosts share the database, and no
/// token reaches the log outside development.
/// </summary>
[OnEachDatabase]
public class MailDeliveryTests(DatabaseKind kind)
{
    private SmtpServer smtp = null!;
    private int counter;

    [OneTimeSetUp]
    public void Start() => smtp = SmtpServer.Start();

    [OneTimeTearDown]
    public void Stop() => smtp?.Dispose();

    private string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}_{kind.ToString().ToLowerInvariant()}";

    [Test]
    public async Task With_the_SMTP_server_stopped_mail_is_retried_and_goes_out_when_it_is_back()
    {
        using var factory = new ApiFactory(kind: kind)
        {
            Settings = { ["Email:SmtpUrl"] = smtp.Url, ["Email:RetryDelay"] = "00:00:00.100", ["Email:MaxRetryDelay"] = "00:00:00.500" },
        };
        var api = factory.CreateApi();
        var name = Unique("outage");
        var email = $"{name}@example.com";
        await api.RegisterAsync(name);
        await smtp.WaitForAsync(email, "Confirm");

        smtp.Pause();
        try
        {
            Assert.That((await api.PostAsync("/auth/forgot-password", new { email })).Status, Is.EqualTo(202));
            await WaitUntilAsync(async () => (await OutboxRowAsync(factory, email, "password_reset")).Attempts >= 3, "three failed attempts");
            var waiting = await OutboxRowAsync(factory, email, "password_reset");
            Assert.That(waiting.State, Is.EqualTo("pending"), "still waiting");
            Assert.That(waiting.LastError, Is.Not.Null);
        }
        finally
        {
            smtp.Resume();
        }

        var mail = (await smtp.WaitForAsync(email, "Reset your")).Single();
        await WaitUntilAsync(async () => (await OutboxRowAsync(factory, email, "password_reset")).State == "sent", "marked sent");
        var failedThenSent = await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(mail), new_password = "password-456" });
        Assert.That(failedThenSent.Status, Is.EqualTo(200), "every attempt carried the same, working link");
    }

    [Test]
    public async Task After_max_attempts_a_mail_is_marked_failed_its_token_erased_and_the_failure_logged()
    {
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(logs: logs, kind: kind)
        {
            Settings =
            {
                ["Email:SmtpUrl"] = $"smtp://127.0.0.1:{LoopbackPort.Free()}?tls=none",
                ["Email:MaxAttempts"] = "3",
                ["Email:RetryDelay"] = "00:00:00.100",
                ["Email:MaxRetryDelay"] = "00:00:00.200",
            },
        };
        var api = factory.CreateApi();
        var name = Unique("nowhere");
        await api.RegisterAsync(name);

        await WaitUntilAsync(async () => (await OutboxRowAsync(factory, $"{name}@example.com", "verify_email")).State != "pending", "given up");

        var row = await OutboxRowAsync(factory, $"{name}@example.com", "verify_email");
        Assert.That((row.State, row.Attempts, row.Token), Is.EqualTo(("failed", 3, (string?)null)));
        Assert.That(row.LastError, Does.Contain("Socket").Or.Contain("refused").IgnoreCase);
        // Logged once the row is written, so the line may come a moment after the state is seen.
        var gaveUp = $"verify_email #{row.Id} failed 3 times and will not be sent";
        await WaitUntilAsync(() => Task.FromResult(logs.Lines.Any(line => line.Contains(gaveUp, StringComparison.Ordinal))), "logged");
        Assert.That(logs.Lines, Has.Some.StartsWith("Error").And.Contains(gaveUp));
    }

    [Test]
    public async Task Two_hosts_on_one_database_send_each_mail_once()
    {
        const int Users = 24;
        using var database = TestDatabase.Create(kind);
        var settings = new Dictionary<string, string> { ["Email__SmtpUrl"] = smtp.Url };
        // One after the other: the first applies the migrations the second then finds done.
        await using var first = await RunningHost.StartAsync(database, settings);
        await using var second = await RunningHost.StartAsync(database, settings);
        var hosts = new[] { new Api(new HttpClient { BaseAddress = new Uri(first.BaseUrl) }), new Api(new HttpClient { BaseAddress = new Uri(second.BaseUrl) }) };
        var names = Enumerable.Range(0, Users).Select(_ => Unique("pair")).ToList();

        await Task.WhenAll(names.Select((name, i) => hosts[i % 2].RegisterAsync(name)));
        await Task.WhenAll(names.Select((name, i) => hosts[(i + 1) % 2].PostAsync("/auth/forgot-password", new { email = $"{name}@example.com" })));

        foreach (var name in names)
        {
            await smtp.WaitForAsync($"{name}@example.com", "Reset your");
            await smtp.WaitForAsync($"{name}@example.com", "Confirm");
        }
        await Task.Delay(2500);
        var mails = names.SelectMany(name => smtp.To($"{name}@example.com")).ToList();
        Assert.That(mails, Has.Count.EqualTo(2 * Users), "one verification and one reset mail per user, none twice");
        Assert.That(mails.Select(m => m.MessageId).Distinct().Count(), Is.EqualTo(2 * Users));
        var sentBy = await Task.WhenAll(hosts.Select(MailSentAsync));
        TestContext.Progress.WriteLine($"{kind}: {2 * Users} mails, sent {sentBy[0]} by the first host and {sentBy[1]} by the second");
        Assert.That(sentBy.Sum(), Is.EqualTo(2 * Users), "the hosts' own counts agree");
    }

    private static async Task<double> MailSentAsync(Api host) =>
        (await host.GetAsync("/metrics")).Text.Split('\n')
            .Where(line => line.StartsWith("boilerplate_mail_sent_total{", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public async Task Outside_development_no_token_or_link_reaches_the_log()
    {
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(logs: logs, kind: kind) { Settings = { ["Email:SmtpUrl"] = smtp.Url, ["Logging:LogLevel:Default"] = "Trace" } };
        var api = factory.CreateApi();
        var name = Unique("quiet");
        var email = $"{name}@example.com";
        await api.RegisterAsync(name);
        await api.PostAsync("/auth/forgot-password", new { email });
        var reset = (await smtp.WaitForAsync(email, "Reset your")).Single();
        var verify = (await smtp.WaitForAsync(email, "Confirm")).Single();
        await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(reset), new_password = "password-456" });

        Assert.That(logs.Lines, Is.Not.Empty, "the log was captured");
        foreach (var token in new[] { SmtpServer.TokenOf(reset), SmtpServer.TokenOf(verify) })
            Assert.That(logs.Lines, Has.None.Contains(token).And.None.Contains(Uri.EscapeDataString(token)));
        Assert.That(logs.Lines, Has.None.Contains("?token="));
    }

    private static async Task<MailRecord> OutboxRowAsync(ApiFactory factory, string email, string kind)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().Mail
            .Where(m => m.Recipient == email && m.Kind == kind).OrderByDescending(m => m.Id).FirstAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"not {what} within {seconds} s");
            await Task.Delay(100);
        }
    }
}
