using System.Diagnostics;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Reliability;

/// <summary>
/// Two host processes on loopback ports share one PostgreSQL database, as behind a load
/// balancer. The delay between a logout on one and the other's first refusal is measured.
/// </summary>
public class TwoHostPropagationTests
{
    private const int Rounds = 20;

    [Test]
    public async Task A_logout_on_one_host_is_refused_by_the_other_within_a_second()
    {
        using var database = TestDatabase.Create(DatabaseKind.PostgreSql);
        // One after the other: the first applies the migrations, the second finds them current.
        await using var first = await RunningHost.StartAsync(database, RunningHost.OneService);
        await using var second = await RunningHost.StartAsync(database, RunningHost.OneService);
        var a = new Api(new HttpClient { BaseAddress = new Uri(first.BaseUrl) });
        var b = new Api(new HttpClient { BaseAddress = new Uri(second.BaseUrl) });
        await a.RegisterAsync("two_hosts");

        var delays = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var token = await a.LoginAsync("two_hosts@example.com", "password-123");
            Assert.That((await b.GetAsync("/user/me", token)).Status, Is.EqualTo(200));

            Assert.That((await a.PostAsync("/auth/logout", token: token)).Status, Is.EqualTo(200));
            var clock = Stopwatch.StartNew();
            while ((await b.GetAsync("/user/me", token)).Status != 401)
                Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), $"round {round}: the second host still accepts the token");
            delays.Add(clock.Elapsed.TotalMilliseconds);
        }

        delays.Sort();
        TestContext.Out.WriteLine($"logout on host A refused by host B after: median {delays[Rounds / 2]:F1} ms, max {delays[^1]:F1} ms ({Rounds} rounds)");
    }
}
