using System.Diagnostics;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;

namespace Boilerplate.Tests.Reliability;

/// <summary>
/// PostgreSQL goes away and comes back: requests that need it get a quick 503 with a
/// ResponseStatus, token checks that need no database keep answering, and the host recovers by
/// itself, its revocation feed included.
/// </summary>
public class DatabaseOutageTests
{
    private PostgreSqlServer server = null!;
    private PostgreSqlTestDatabase database = null!;
    private ApiFactory factory = null!;
    private Api api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = await PostgreSqlServer.StartNewAsync();
        database = new PostgreSqlTestDatabase(server.ConnectionString);
        factory = new ApiFactory(database: database);
        api = factory.CreateApi();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        factory?.Dispose();
        database?.Dispose();
        server?.Dispose();
    }

    [Test]
    public async Task Requests_that_need_the_database_get_503_until_it_returns_then_all_is_well()
    {
        var token = await api.RegisterAsync("outage");
        var loggedOut = await api.RegisterAsync("outage_gone");
        Assert.That((await api.PostAsync("/auth/logout", token: loggedOut)).Status, Is.EqualTo(200));

        await server.StopAsync();

        var clock = Stopwatch.StartNew();
        var me = await api.GetAsync("/user/me", token);
        Assert.That(me.Status, Is.EqualTo(503), me.Text);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "answered within the connect timeout, not left hanging");
        Assert.That(me.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("DatabaseUnavailable"));
        Assert.That(me.Header("Retry-After"), Is.Not.Null);
        Assert.That((await api.PostAsync("/auth/login", new { email = "outage@example.com", password = "password-123" })).Status, Is.EqualTo(503));
        Assert.That((await api.GetAsync("/health/ready")).Status, Is.EqualTo(503));
        Assert.That((await api.GetAsync("/health/live")).Status, Is.EqualTo(200));

        // Checked in memory: no database needed to refuse these.
        Assert.That((await api.GetAsync("/user/me", loggedOut)).Status, Is.EqualTo(401), "a revoked token stays refused");
        Assert.That((await api.GetAsync("/user/me", token[..^2] + "xx")).Status, Is.EqualTo(401), "a forged token is refused");
        Assert.That((await api.GetAsync("/user/me")).Status, Is.EqualTo(401), "no token");
        // A role is the database's word, not the token's (Security/AdminPowerAcrossHostsTests).
        Assert.That((await api.GetAsync("/user", token)).Status, Is.EqualTo(503), "a caller whose role cannot be read");

        await server.StartAsync();

        Assert.That(await Eventually(async () => (await api.GetAsync("/user/me", token)).Status == 200), Is.True, "recovered without a restart");
        Assert.That((await api.GetAsync("/health/ready")).Status, Is.EqualTo(200));
        Assert.That((await api.PostAsync("/auth/login", new { email = "outage@example.com", password = "password-123" })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task After_an_outage_the_host_again_hears_of_revocations_made_elsewhere()
    {
        var token = await api.RegisterAsync("outage_feed");
        await server.StopAsync();
        await server.StartAsync();
        Assert.That(await Eventually(async () => (await api.GetAsync("/health/ready")).Status == 200), Is.True);

        // Another host logging the token out writes this row; the trigger tells everyone.
        Assert.That(await Eventually(async () =>
        {
            await RevokeElsewhereAsync(token);
            return (await api.GetAsync("/user/me", token)).Status == 401;
        }), Is.True);
    }

    private async Task RevokeElsewhereAsync(string token)
    {
        await using var connection = new NpgsqlConnection(database.Url);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO blacklist_tokens (jti, expires_on, blacklisted_on) VALUES (@jti, now() + interval '1 hour', now()) ON CONFLICT (jti) DO NOTHING", connection);
        command.Parameters.AddWithValue("jti", new JsonWebToken(token).Id);
        await command.ExecuteNonQueryAsync();
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
