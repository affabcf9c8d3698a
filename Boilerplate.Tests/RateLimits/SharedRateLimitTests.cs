using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.RateLimits;

/// <summary>Two hosts on one PostgreSQL database draw on one budget: together they allow the configured number, not twice it.</summary>
public class SharedRateLimitTests
{
    [Test]
    public async Task Two_hosts_together_allow_the_limit_once()
    {
        using var database = TestDatabase.Create(DatabaseKind.PostgreSql);
        var limits = new Dictionary<string, string?> { ["RateLimits:SignIn:PermitLimit"] = "3", ["RateLimits:SignIn:Window"] = "00:01:00" };
        using var first = new ApiFactory(database: database);
        using var second = new ApiFactory(database: database);
        foreach (var (key, value) in limits)
            (first.Settings[key], second.Settings[key]) = (value, value);
        var hosts = new[] { first.CreateApi(), second.CreateApi() };

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await hosts[i % 2].PostAsync("/auth/login", new { email = "x@example.com", password = "wrong-password" })).Status);
        var registration = await hosts[1].PostAsync("/user", new { email = "fresh@example.com", username = "fresh", password = "password-123" });

        Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 429, 429, 429 }), "host, host, host: three in all, then both refuse");
        Assert.That(registration.Status, Is.EqualTo(201), "registration has a budget of its own");
    }

    [Test]
    public async Task The_wait_a_refused_client_is_told_is_what_is_left_of_the_window()
    {
        using var database = TestDatabase.Create(DatabaseKind.PostgreSql);
        using var factory = new ApiFactory(database: database) { Settings = { ["RateLimits:SignIn:PermitLimit"] = "1", ["RateLimits:SignIn:Window"] = "00:00:30" } };
        var api = factory.CreateApi();

        await api.PostAsync("/auth/login", new { email = "x@example.com", password = "wrong-password" });
        var refused = await api.PostAsync("/auth/login", new { email = "x@example.com", password = "wrong-password" });

        Assert.That(refused.Status, Is.EqualTo(429));
        Assert.That(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(25, 30));
    }
}
