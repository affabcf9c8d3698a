using Boilerplate.Host.Cli;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Cli;

/// <summary>create-admin: the way to make the first admin, which the seed lacks.</summary>
[OnEachDatabase]
public class CreateAdminTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Create_admin_makes_a_verified_admin_who_can_list_users()
    {
        var (exitCode, output, _) = await Run("Admin-password-1", "create-admin", "--email", "Root@Example.com", "--username", "root");

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output, Does.Contain("created admin root <root@example.com>"));
        var token = await Api.LoginAsync("root@example.com", "Admin-password-1");
        Assert.That((await Api.GetAsync("/user", token)).Status, Is.EqualTo(200));
        Assert.That((await Api.GetAsync("/user/me", token)).Body["email_verified"]!.GetValue<bool>(), Is.True, "the operator vouches for the address");
    }

    [Test]
    public async Task A_weak_password_is_refused_and_no_user_is_made()
    {
        var (exitCode, _, error) = await Run("short", "create-admin", "--email", "weak@example.com", "--username", "weak");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("password must be at least 8 characters."));
        var login = await Api.PostAsync("/auth/login", new { email = "weak@example.com", password = "short" });
        Assert.That(login.Status, Is.EqualTo(401));
    }

    [Test]
    public async Task A_taken_email_is_refused()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name);

        var (exitCode, _, error) = await Run("Admin-password-1", "create-admin", "--email", $"{name}@example.com", "--username", UniqueName());

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("already exists"));
    }

    [TestCase("create-admin", "--username", "nomail")]
    [TestCase("create-admin", "--email", "nouser@example.com")]
    [TestCase("frobnicate")]
    public async Task Wrong_usage_exits_2_with_the_usage(params string[] args)
    {
        var (exitCode, _, error) = await Run("Admin-password-1", args);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("usage: Boilerplate.Host"));
    }

    [Test]
    public async Task Host_settings_with_values_are_not_taken_for_commands()
    {
        var served = false;
        var output = new StringWriter();
        var commandLine = new CommandLine(() => Factory.Services, () => { served = true; return Task.CompletedTask; }, output, new StringWriter());

        var run = await commandLine.RunAsync(["--urls", "http://127.0.0.1:5999"]);
        var status = await commandLine.RunAsync(["--urls", "http://127.0.0.1:5999", "db", "status", "--environment=Test"]);

        Assert.That((run, served), Is.EqualTo((0, true)));
        Assert.That(status, Is.EqualTo(0));
        Assert.That(output.ToString(), Does.Contain("applied"));
    }

    [Test]
    public async Task The_real_process_takes_the_password_from_BOILERPLATE_ADMIN_PASSWORD()
    {
        using var database = TestDatabase.Create(Kind);
        var environment = new Dictionary<string, string?>
        {
            ["BOILERPLATE_ENV"] = "test",
            ["DATABASE_URL"] = database.Url,
            ["BOILERPLATE_ADMIN_PASSWORD"] = "Admin-password-1",
        };

        var created = await HostProcess.RunAsync(["create-admin", "--email", "ops@example.com", "--username", "ops"], environment);
        var status = await HostProcess.RunAsync(["db", "status"], environment);

        Assert.That(created.ExitCode, Is.EqualTo(0), created.Error);
        Assert.That(created.Output, Does.Contain("created admin ops <ops@example.com>"));
        Assert.That(created.Output + created.Error, Does.Not.Contain("Admin-password-1"));
        Assert.That(status.Output, Does.Match(@"2\s+applied"));
    }

    private async Task<(int ExitCode, string Output, string Error)> Run(string password, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await new CommandLine(() => Factory.Services, () => Task.CompletedTask, output, error, _ => password).RunAsync(args);
        return (exitCode, output.ToString(), error.ToString());
    }
}
