using System.Diagnostics;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;

namespace Boilerplate.Tests.Reliability;

/// <summary>
/// PostgreSQL goes away and comes back, under two hosts: a user a host has read keeps being
/// served, what needs the database gets a quick 503 with a ResponseStatus, nothing is taken for
/// done that was not written, and once it is back every change made on either host counts on
/// both within a second, as before the outage.
/// </summary>
public class DatabaseOutageTests
{
    private static readonly TimeSpan Guarantee = TimeSpan.FromSeconds(1);

    private PostgreSqlServer server = null!;
    private PostgreSqlTestDatabase database = null!;
    private ApiFactory first = null!, second = null!;
    private Api a = null!, b = null!;
    private string adminToken = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = await PostgreSqlServer.StartNewAsync();
        database = new PostgreSqlTestDatabase(server.ConnectionString);
        (first, second) = (new ApiFactory(database: database), new ApiFactory(database: database));
        (a, b) = (first.CreateApi(), second.CreateApi());
        adminToken = await first.CreateAdminAsync("outage_admin");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        first?.Dispose();
        second?.Dispose();
        database?.Dispose();
        server?.Dispose();
    }

    [Test]
    public async Task While_the_database_is_away_a_user_already_read_is_served_and_everything_else_gets_503()
    {
        var known = await a.RegisterAsync("outage_known");
        Assert.That((await a.GetAsync("/user/me", known)).Status, Is.EqualTo(200));
        var unread = await a.RegisterAsync("outage_unread");
        var loggedOut = await a.RegisterAsync("outage_gone");
        Assert.That((await a.PostAsync("/auth/logout", token: loggedOut)).Status, Is.EqualTo(200));
        var usedKey = (await a.PostAsync("/apikeys", new { name = "used" }, known)).String("key");
        var unusedKey = (await a.PostAsync("/apikeys", new { name = "unused" }, known)).String("key");
        Assert.That((await a.GetAsync("/user/me", usedKey)).Status, Is.EqualTo(200));

        await server.StopAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var me = await a.GetAsync("/user/me", known);
            Assert.That(me.Status, Is.EqualTo(200), me.Text);
            Assert.That(me.String("username"), Is.EqualTo("outage_known"));
            Assert.That((await a.GetAsync($"/user/{new JsonWebToken(known).Subject}", known)).Status, Is.EqualTo(200));
            Assert.That((await a.GetAsync("/user", known)).Status, Is.EqualTo(403), "a non-admin on an admin route, as last read");
            Assert.That((await a.GetAsync("/user/me", usedKey)).Status, Is.EqualTo(200), "an API key this host has read");
            Assert.That((await a.GetAsync("/user/me", unusedKey)).Status, Is.EqualTo(503), "one it never read");

            var refused = await a.GetAsync("/user/me", unread);
            Assert.That(refused.Status, Is.EqualTo(503), "a user this host never read cannot be judged: " + refused.Text);
            Assert.That(refused.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("DatabaseUnavailable"));
            Assert.That(refused.Header("Retry-After"), Is.Not.Null);
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "answered within the connect timeout, not left hanging");

            var logout = await a.PostAsync("/auth/logout", token: known);
            Assert.That(logout.Status, Is.EqualTo(503), "a write that cannot be stored is not acknowledged: " + logout.Text);
            Assert.That(logout.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("DatabaseUnavailable"));
            Assert.That((await a.PostAsync("/auth/login", new { email = "outage_known@example.com", password = "password-123" })).Status, Is.EqualTo(503));
            Assert.That((await a.GetAsync("/health/ready")).Status, Is.EqualTo(503));
            Assert.That((await a.GetAsync("/health/live")).Status, Is.EqualTo(200));

            // Checked in memory: no database needed to refuse these.
            Assert.That((await a.GetAsync("/user/me", loggedOut)).Status, Is.EqualTo(401), "a revoked token stays refused");
            Assert.That((await a.GetAsync("/user/me", known[..^2] + "xx")).Status, Is.EqualTo(401), "a forged token is refused");
            Assert.That((await a.GetAsync("/user/me")).Status, Is.EqualTo(401), "no token");
        }
        finally
        {
            await server.StartAsync();
        }

        Assert.That(await Eventually(async () => (await a.GetAsync("/user/me", unread)).Status == 200), Is.True, "recovered without a restart");
        Assert.That((await a.GetAsync("/health/ready")).Status, Is.EqualTo(200));
        Assert.That((await a.GetAsync("/user/me", known)).Status, Is.EqualTo(200), "the refused logout was not taken for done");
        Assert.That((await a.PostAsync("/auth/login", new { email = "outage_known@example.com", password = "password-123" })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task After_a_restart_each_host_honours_the_others_changes_within_a_second()
    {
        var loggingOut = await a.RegisterAsync("restart_logout");
        var locked = await a.RegisterAsync("restart_lock");
        foreach (var token in new[] { loggingOut, locked })
            Assert.That((await b.GetAsync("/user/me", token)).Status, Is.EqualTo(200), "read, and kept, by the second host");

        await server.StopAsync();
        await server.StartAsync();
        Assert.That(await Eventually(async () => (await a.GetAsync("/health/ready")).Status == 200 && (await b.GetAsync("/health/ready")).Status == 200), Is.True);

        Assert.That((await a.PostAsync("/auth/logout", token: loggingOut)).Status, Is.EqualTo(200));
        await AssertRefusedWithinGuarantee(b, loggingOut, "a logout on the first host");

        var publicId = new JsonWebToken(locked).Subject;
        Assert.That((await b.PostAsync($"/user/{publicId}/lock", token: adminToken)).Status, Is.EqualTo(200));
        await AssertRefusedWithinGuarantee(a, locked, "a lock on the second host");
    }

    [Test]
    public async Task A_host_whose_change_stream_drops_while_the_database_is_up_trusts_no_cached_user_until_it_is_back()
    {
        var token = await a.RegisterAsync("stream_cut");
        Assert.That((await a.GetAsync("/user/me", token)).Status, Is.EqualTo(200));

        // Both hosts' LISTEN connections cut, then a change they cannot hear of as it happens.
        await ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
        await ExecuteAsync("UPDATE \"user\" SET locked = true WHERE username = 'stream_cut'");

        await AssertRefusedWithinGuarantee(a, token, "a lock made while the host's change stream was down");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.Url);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task AssertRefusedWithinGuarantee(Api api, string token, string change)
    {
        var clock = Stopwatch.StartNew();
        while ((await api.GetAsync("/user/me", token)).Status != 401)
        {
            Assert.That(clock.Elapsed, Is.LessThan(Guarantee), $"{change} is not yet honoured by the other host");
            await Task.Delay(10);
        }
    }

    /// <summary>Tries every 100 ms for up to 15 s.</summary>
    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }
        return false;
    }
}
