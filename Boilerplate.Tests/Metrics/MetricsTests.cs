using Boilerplate.Tests.Support;
using Microsoft.Extensions.Hosting;
using static Boilerplate.Tests.Support.Scrape;

namespace Boilerplate.Tests.Metrics;

/// <summary>/metrics, as Prometheus scrapes it: the service's own counters and histograms, with ASP.NET Core's and the runtime's.</summary>
public class MetricsTests
{
    [Test]
    public async Task A_scrape_after_a_session_counts_its_sign_ins_refreshes_revocations_and_bcrypt_work()
    {
        using var factory = new ApiFactory { Settings = { ["Auth:MaxFailedSignIns"] = "3" } };
        var api = factory.CreateApi();
        var registered = await api.PostAsync("/user", new { email = "counted@example.com", username = "counted", password = "password-123" });
        await api.PostAsync("/user", new { email = "counted@example.com", username = "counted2", password = "password-123" });
        var login = await api.PostAsync("/auth/login", new { email = "counted@example.com", password = "password-123" });
        await api.PostAsync("/auth/login", new { email = "nobody@example.com", password = "password-123" });
        var refreshed = await api.PostAsync("/access-token", new { refreshToken = login.String("refreshToken") });
        await api.PostAsync("/access-token", new { refreshToken = login.String("refreshToken") }); // a replay: that session ends
        Assert.That((await api.PostAsync("/auth/logout", token: refreshed.String("accessToken"))).Status, Is.EqualTo(401), "its tokens died with it");
        var other = await api.LoginAsync("counted@example.com", "password-123");
        Assert.That((await api.PostAsync("/auth/logout", token: other)).Status, Is.EqualTo(200));
        await api.PostAsync("/auth/logout-all", token: registered.String("Authorization"));
        for (var i = 0; i < 3; i++)
            await api.PostAsync("/auth/login", new { email = "counted@example.com", password = "wrong-password" });

        var scrape = await api.GetAsync("/metrics");

        Assert.That(scrape.Status, Is.EqualTo(200));
        Assert.That(scrape.Header("Content-Type"), Does.StartWith("text/plain"));
        var text = scrape.Text;
        Assert.That(Value(text, "boilerplate_user_registrations_total", "boilerplate_registration_result", "created"), Is.EqualTo(1));
        Assert.That(Value(text, "boilerplate_user_registrations_total", "boilerplate_registration_result", "taken"), Is.EqualTo(1));
        Assert.That(Value(text, "boilerplate_sign_in_sign_ins_total", "boilerplate_sign_in_result", "success"), Is.EqualTo(2));
        Assert.That(Value(text, "boilerplate_sign_in_sign_ins_total", "boilerplate_sign_in_result", "unknown_account"), Is.EqualTo(1));
        Assert.That(Value(text, "boilerplate_sign_in_sign_ins_total", "boilerplate_sign_in_result", "wrong_password"), Is.EqualTo(3));
        Assert.That(Value(text, "boilerplate_sign_in_lockouts_total"), Is.EqualTo(1));
        Assert.That(Value(text, "boilerplate_session_refreshes_total", "boilerplate_session_refresh_result", "rotated"), Is.EqualTo(1));
        Assert.That(Value(text, "boilerplate_session_refreshes_total", "boilerplate_session_refresh_result", "reuse_detected"), Is.EqualTo(1));
        Assert.That(Value(text, "boilerplate_token_revocations_total", "boilerplate_token_revocation_kind", "logout"), Is.EqualTo(1));
        Assert.That(Value(text, "boilerplate_token_revocations_total", "boilerplate_token_revocation_kind", "everywhere"), Is.EqualTo(1));
        // One registration hashes (the taken one is refused before bcrypt); six sign-ins verify.
        Assert.That(Value(text, "boilerplate_bcrypt_wait_duration_seconds_count"), Is.EqualTo(7));
        Assert.That(Value(text, "boilerplate_bcrypt_queue_length"), Is.EqualTo(0));
        Assert.That(text, Does.Contain("http_server_request_duration_seconds_bucket").And.Contain("dotnet_gc_collections_total"));
    }

    [Test]
    public async Task Production_serves_no_metrics_unless_told()
    {
        using var factory = new ApiFactory(Environments.Production)
        {
            Settings = { ["Auth:SecretKey"] = "a-long-random-production-secret-9f8e7d6c5b4a", ["Database:MigrateOnStart"] = "true" },
        };

        Assert.That((await factory.CreateApi().GetAsync("/metrics")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task On_a_port_of_its_own_metrics_are_served_there_only_and_that_port_serves_nothing_else()
    {
        using var database = new SqliteTestDatabase();
        var (api, metrics) = ($"http://127.0.0.1:{LoopbackPort.Free()}", LoopbackPort.Free());
        await using var host = await HostProcess.ServeAsync(["--urls", api], new()
        {
            ["BOILERPLATE_ENV"] = "test",
            ["DATABASE_URL"] = database.Url,
            ["Metrics__Port"] = $"{metrics}",
        }, api + "/health/live");
        using var http = new HttpClient();

        var scraped = await http.GetAsync($"http://127.0.0.1:{metrics}/metrics");

        Assert.That((int)scraped.StatusCode, Is.EqualTo(200));
        Assert.That(await scraped.Content.ReadAsStringAsync(), Does.Contain("kestrel_active_connections"));
        Assert.That((int)(await http.GetAsync(api + "/metrics")).StatusCode, Is.EqualTo(404), "not on the API's port");
        Assert.That((int)(await http.GetAsync($"http://127.0.0.1:{metrics}/health/live")).StatusCode, Is.EqualTo(404), "the metrics port serves no API");
    }

    [Test]
    public async Task A_host_measures_how_long_a_revocation_made_on_another_took_to_arrive()
    {
        using var database = TestDatabase.Create(DatabaseKind.PostgreSql);
        using var first = new ApiFactory(database: database);
        using var second = new ApiFactory(database: database);
        var (a, b) = (first.CreateApi(), second.CreateApi());
        var token = await a.RegisterAsync("measured");
        Assert.That((await b.GetAsync("/user/me", token)).Status, Is.EqualTo(200));

        await a.PostAsync("/auth/logout", token: token);
        await Task.Delay(500);

        var text = (await b.GetAsync("/metrics")).Text;
        Assert.That(Value(text, "boilerplate_revocation_propagation_delay_seconds_count"), Is.GreaterThanOrEqualTo(1));
        Assert.That(Value(text, "boilerplate_revocation_propagation_delay_seconds_bucket", "le", "1"),
            Is.EqualTo(Value(text, "boilerplate_revocation_propagation_delay_seconds_count")), "every one within a second");
        Assert.That(text, Does.Contain("db_client_operation_duration_seconds_bucket"), "Npgsql's own metrics");
    }
}
