using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Config;

/// <summary>
/// The built host as an operator starts it: addresses from ASP.NET Core's own knobs, its settings
/// files found from any working directory, and every start-up problem one line on stderr.
/// </summary>
public class HostingTests
{
    private const string GoodSecret = "a-long-random-production-secret-9f8e7d6c5b4a";

    [Test]
    public async Task ASPNETCORE_URLS_chooses_the_address()
    {
        using var database = new SqliteTestDatabase();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";

        await using var host = await HostProcess.ServeAsync([], Test(database, ("ASPNETCORE_URLS", url)), url + "/health/live");

        Assert.That(host.Output, Does.Contain($"Now listening on: {url}"));
    }

    [Test]
    public async Task ASPNETCORE_HTTP_PORTS_chooses_the_port_on_every_interface_as_in_a_container()
    {
        using var database = new SqliteTestDatabase();
        var port = LoopbackPort.Free();

        await using var host = await HostProcess.ServeAsync([], Test(database, ("ASPNETCORE_HTTP_PORTS", $"{port}")), $"http://127.0.0.1:{port}/health/live");

        Assert.That(host.Output, Does.Contain($"Now listening on: http://[::]:{port}"));
    }

    [Test]
    public async Task Started_from_another_directory_the_host_reads_its_own_settings_files()
    {
        using var database = new SqliteTestDatabase();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var elsewhere = Directory.CreateTempSubdirectory("boilerplate-cwd").FullName;

        // The Test environment's secret key is in appsettings.Test.json and nowhere else.
        await using var host = await HostProcess.ServeAsync(["--urls", url], Test(database), url + "/health/live", workingDirectory: elsewhere);
        using var http = new HttpClient();
        var registered = await http.PostAsync(url + "/user", Api.Json(new { email = "cwd@example.com", username = "cwd_user", password = "password-123" }));

        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Several_problems_are_each_one_line_on_stderr_and_no_stack_trace_anywhere()
    {
        var (exitCode, output, error) = await HostProcess.RunAsync([], new()
        {
            ["BOILERPLATE_ENV"] = "prod",
            ["SECRET_KEY"] = "short",
            ["Limits__RequestHeadersTimeout"] = "abc",
            ["ForwardedHeaders__KnownProxies__0"] = "not-an-address",
            ["Auth__BcryptWorkFactor"] = "40",
            ["Auth__SigningAlgorithm"] = "ES512",
            ["ForwardedHeaders__KnownNetworks__0"] = "10.0.0.0/99",
            // A name the section does not have, here a retired one, would leave its default silently in force.
            ["RateLimits__PermitLimit"] = "5",
        });

        Assert.That(exitCode, Is.EqualTo(1));
        var lines = error.Trim().Split('\n');
        Assert.That(lines, Has.All.StartsWith("error: "));
        Assert.That(lines, Has.Some.Contains("shorter than 32 bytes")
            .And.Some.Contains("'abc' at 'Limits:RequestHeadersTimeout'")
            .And.Some.Contains("ForwardedHeaders:KnownProxies:0 must be an IP address, not 'not-an-address'")
            .And.Some.Contains("Auth:BcryptWorkFactor must be between 4 and 31, not 40")
            .And.Some.Contains("Auth:SigningAlgorithm must be one of ES256, RS256, HS256, not 'ES512'.")
            .And.Some.Contains("ForwardedHeaders:KnownNetworks:0 must be a network such as 10.0.0.0/8, not '10.0.0.0/99'")
            .And.Some.Contains("no database is configured")
            .And.Some.Contains("no mail server is configured: set SMTP_URL")
            .And.Some.Contains("App:PublicUrl is not set")
            .And.Some.Contains("RateLimits:PermitLimit is not a setting; RateLimits has SignIn, Registration, Renewal"));
        Assert.That(lines, Has.Length.EqualTo(10));
        Assert.That(output + error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task In_production_each_command_needs_only_the_settings_it_uses()
    {
        using var database = new SqliteTestDatabase();
        var databaseOnly = new Dictionary<string, string?> { ["BOILERPLATE_ENV"] = "prod", ["DATABASE_URL"] = database.Url };

        var upgrade = await HostProcess.RunAsync(["db", "upgrade"], databaseOnly);
        var status = await HostProcess.RunAsync(["db", "status"], databaseOnly);
        var admin = await HostProcess.RunAsync(["create-admin", "--email", "ops@example.com", "--username", "ops"],
            new(databaseOnly) { ["SECRET_KEY"] = GoodSecret, ["BOILERPLATE_ADMIN_PASSWORD"] = "admin-password-1" });
        var serve = await HostProcess.RunAsync([], new(databaseOnly) { ["SECRET_KEY"] = GoodSecret });

        Assert.That(upgrade.ExitCode, Is.EqualTo(0), "no mail server or public URL for a migration: " + upgrade.Error);
        Assert.That(status.ExitCode, Is.EqualTo(0), status.Error);
        Assert.That(status.Output, Does.Match(@"13\s+applied"));
        Assert.That(admin.ExitCode, Is.EqualTo(0), admin.Error);
        Assert.That(serve.ExitCode, Is.EqualTo(1), "the server itself still refuses");
        Assert.That(serve.Error, Does.Contain("no mail server is configured").And.Contain("App:PublicUrl is not set"));
    }

    [Test]
    public async Task A_command_still_refuses_a_bad_setting_it_reads_in_one_line()
    {
        var (exitCode, output, error) = await HostProcess.RunAsync(["db", "upgrade"], new() { ["BOILERPLATE_ENV"] = "prod" });

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo("error: no database is configured: set DATABASE_URL or Database:Url."));
        Assert.That(output + error, Does.Not.Contain("   at "));
    }

    [TestCase(null, "Development", "BOILERPLATE_ENV is not set, and dev is the default; set BOILERPLATE_ENV=prod for production")]
    [TestCase("test", "Test", "BOILERPLATE_ENV=test")]
    public async Task The_server_says_which_environment_it_chose_and_why(string? seedName, string environment, string why)
    {
        using var database = new SqliteTestDatabase();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var settings = Test(database);
        settings["BOILERPLATE_ENV"] = seedName;
        settings["Logging__LogLevel__Boilerplate.Host"] = "Information";

        await using (var host = await HostProcess.ServeAsync(["--urls", url], settings, url + "/health/live"))
        {
            await Task.Delay(200);
            Assert.That(host.Output, Does.Contain($"Environment {environment} ({why})."));
        }
    }

    [Test]
    public async Task A_refusal_from_the_database_is_one_line_and_the_host_logs_no_stack_trace()
    {
        using var database = new SqliteTestDatabase();
        var (exitCode, output, error) = await HostProcess.RunAsync([], new()
        {
            ["BOILERPLATE_ENV"] = "prod",
            ["SECRET_KEY"] = GoodSecret,
            ["DATABASE_URL"] = database.Url,
            ["SMTP_URL"] = "smtp://127.0.0.1:1?tls=none",
            ["App__PublicUrl"] = "https://app.example.test",
        });

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo("error: the database has pending migrations: run 'db upgrade' (or set Database:MigrateOnStart)."));
        Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("Hosting failed to start"));
    }

    [Test]
    public async Task A_port_already_taken_is_one_line_and_no_stack_trace()
    {
        using var database = new SqliteTestDatabase();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        await using var first = await HostProcess.ServeAsync(["--urls", url], Test(database), url + "/health/live");

        var (exitCode, output, error) = await HostProcess.RunAsync(["--urls", url], Test(database));

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo($"error: Failed to bind to address {url}: address already in use."));
        Assert.That(output, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Help_works_in_production_before_anything_is_configured()
    {
        var (exitCode, output, error) = await HostProcess.RunAsync(["--help"], new() { ["BOILERPLATE_ENV"] = "prod" });

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("db").And.Contain("create-admin").And.Contain("probe"));
    }

    [Test]
    public async Task Probe_is_the_container_health_check_exit_0_when_the_host_answers_and_1_when_not()
    {
        using var database = new SqliteTestDatabase();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        await using var host = await HostProcess.ServeAsync(["--urls", url], Test(database), url + "/health/live");

        var healthy = await HostProcess.RunAsync(["probe", url + "/health/live"], new());
        var nothing = await HostProcess.RunAsync(["probe", $"http://127.0.0.1:{LoopbackPort.Free()}/health/live"], new());

        Assert.That(healthy.ExitCode, Is.EqualTo(0), healthy.Error);
        Assert.That(nothing.ExitCode, Is.EqualTo(1));
        Assert.That(nothing.Error.Trim().Split('\n'), Has.Length.EqualTo(1).And.All.StartsWith("error: "));
    }

    private static Dictionary<string, string?> Test(TestDatabase database, params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string?>
        {
            ["BOILERPLATE_ENV"] = "test",
            ["DATABASE_URL"] = database.Url,
            // Where it listens, said as ASP.NET Core says it.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (name, value) in more)
            environment[name] = value;
        return environment;
    }
}
