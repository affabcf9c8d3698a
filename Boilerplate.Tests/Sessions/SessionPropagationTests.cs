using System.Diagnostics;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.Sessions;

/// <summary>Two host processes on one PostgreSQL database: a session ended on one is refused by the other at once.</summary>
public class SessionPropagationTests
{
    private const string Laptop = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
    private const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile Safari";

    private static string SessionOf(string token) => new JsonWebToken(token).GetClaim("sid").Value;

    [Test]
    public async Task A_session_ended_on_one_host_process_is_refused_by_another_within_a_second()
    {
        using var database = TestDatabase.Create(DatabaseKind.PostgreSql);
        await using var hostA = await RunningHost.StartAsync(database, RunningHost.OneService);
        await using var hostB = await RunningHost.StartAsync(database, RunningHost.OneService);
        var (a, b) = (new Api(new HttpClient { BaseAddress = new Uri(hostA.BaseUrl) }), new Api(new HttpClient { BaseAddress = new Uri(hostB.BaseUrl) }));
        a.Http.DefaultRequestHeaders.UserAgent.ParseAdd(Laptop);
        b.Http.DefaultRequestHeaders.UserAgent.ParseAdd(Phone);
        const string name = "twohosts";
        var keep = await a.RegisterAsync(name);
        var lost = await b.LoginAsync($"{name}@example.com", "password-123");
        Assert.That((await b.GetAsync("/user/me", lost)).Status, Is.EqualTo(200));
        var listed = (await a.GetAsync("/user/me/sessions", keep)).Body["data"]!.AsArray();
        Assert.That(listed[0]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "session_id", "created_on", "last_used_on", "ip", "user_agent", "current" }));
        Assert.That(listed.Select(s => s!["ip"]!.GetValue<string>()), Has.All.EqualTo("127.0.0.1"), "a real socket's address");

        Assert.That((await a.SendAsync(HttpMethod.Delete, $"/user/me/sessions/{SessionOf(lost)}", token: keep)).Status, Is.EqualTo(204));

        var clock = Stopwatch.StartNew();
        while ((await b.GetAsync("/user/me", lost)).Status != 401)
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "the other host still accepts the ended session's token");
            await Task.Delay(5);
        }
        TestContext.Progress.WriteLine($"a session ended on host A was refused by host B after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }
}
