using Boilerplate.Host.Cli;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Cli;

/// <summary>The command line as an operator types it: both option spellings, help everywhere, and a downgrade that asks before it drops data.</summary>
[OnEachDatabase]
public class CommandLineTests(DatabaseKind kind)
{
    private ApiFactory factory = null!;

    [SetUp]
    public void Start() => factory = new ApiFactory(kind: kind);

    [TearDown]
    public void Stop() => factory?.Dispose();

    [TestCase("--to=3")]
    [TestCase("--to", "3")]
    public async Task Both_spellings_of_an_option_are_read_alike(params string[] to)
    {
        var (exitCode, output, _) = await Run(null, ["db", "downgrade", .. to, "--yes"]);

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output, Does.Match(@"3\s+applied").And.Match(@"4\s+pending").And.Match(@"6\s+pending"));
    }

    [TestCase]
    [TestCase("db")]
    [TestCase("db", "downgrade")]
    [TestCase("create-admin")]
    [TestCase("probe")]
    public async Task Help_needs_no_host_and_no_settings(params string[] command)
    {
        foreach (var help in new[] { "-h", "--help" })
        {
            var output = new StringWriter();
            var exitCode = await new CommandLine(() => throw new AssertionException("help built the host"), () => Task.CompletedTask, output, new StringWriter())
                .RunAsync([.. command, help]);

            Assert.That(exitCode, Is.EqualTo(0));
            Assert.That(output.ToString(), Does.Contain("Usage:").And.Contain("Options:"));
        }
    }

    [Test]
    public async Task A_usage_error_is_one_line_and_the_command_s_usage()
    {
        var (exitCode, _, error) = await Run(null, ["db", "downgrade", "--to"]);

        Assert.That(exitCode, Is.EqualTo(2));
        var lines = error.Trim().Split('\n');
        Assert.That(lines[0], Does.StartWith("error: ").And.Contain("--to"));
        Assert.That(lines[1], Is.EqualTo("usage: Boilerplate.Host db downgrade [--to N] [--yes]"));
        Assert.That(lines, Has.Length.EqualTo(3));
    }

    [Test]
    public async Task An_error_that_is_not_about_usage_is_one_line_without_the_usage()
    {
        var (exitCode, _, error) = await Run(null, ["create-admin", "--email=weak@example.com", "--username=weak_admin"], password: "short");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error.Trim(), Is.EqualTo("error: password must be at least 8 characters."), "--email=x is read, so only the password is wrong");
    }

    [Test]
    public async Task A_downgrade_that_drops_tables_says_what_goes_and_asks_first()
    {
        var asked = new List<string>();

        var (refused, _, error) = await Run(question => { asked.Add(question); return "no"; }, ["db", "downgrade", "--to", "2"]);

        Assert.That(refused, Is.EqualTo(2));
        Assert.That(error.Trim(), Is.EqualTo("error: nothing was undone."));
        Assert.That(asked.Single(), Does.StartWith("Undoing migration 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3 drops the columns permissions, roles, totp_last_step, totp_secret, mfa_enabled, email_verified, ")
            .And.Contain("security_stamp, locked of user").And.Contain("the table api_keys").And.Contain("the table external_identities").And.Contain("the table audit_events").And.Contain("the table roles").And.Contain("the table signing_keys").And.Contain("the table user_blocks").And.Contain("the table passkeys").And.Contain("the table refresh_tokens").And.EndWith("Type 'yes' to go on: "));
        Assert.That(Tables(), Does.Contain("refresh_tokens"), "nothing was dropped");

        var (confirmed, _, _) = await Run(_ => "yes", ["db", "downgrade", "--to", "2"]);
        Assert.That(confirmed, Is.EqualTo(0));
        Assert.That(Tables(), Does.Not.Contain("refresh_tokens"));
    }

    [Test]
    public async Task With_no_terminal_to_ask_a_downgrade_that_drops_tables_needs_yes()
    {
        var (refused, _, error) = await Run(_ => null, ["db", "downgrade", "--to", "0"]);

        Assert.That(refused, Is.EqualTo(2));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("the table user").And.Contain("pass --yes"));
        Assert.That(Tables(), Does.Contain("user"));

        var (confirmed, output, _) = await Run(_ => null, ["db", "downgrade", "--to", "0", "--yes"]);
        Assert.That(confirmed, Is.EqualTo(0));
        Assert.That(output, Does.Match(@"1\s+pending"));
        Assert.That(Tables(), Does.Not.Contain("user"));
    }

    [Test]
    public async Task A_downgrade_that_drops_no_data_does_not_ask()
    {
        // Migrations 12, 11, 10, 9 and 8 drop tables (8 on PostgreSQL only); 13, 7 and 6 change only triggers.
        await Run(null, ["db", "downgrade", "--to", "7", "--yes"]);

        var (exitCode, output, _) = await Run(question => throw new AssertionException("asked: " + question), ["db", "downgrade", "--to", "5"]);

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output, Does.Match(@"5\s+applied").And.Match(@"6\s+pending").And.Match(@"7\s+pending"));
    }

    [TestCase("21")]
    [TestCase("-1")]
    public async Task A_version_that_is_no_migration_is_refused(string version)
    {
        var (exitCode, _, error) = await Run(null, ["db", "downgrade", "--to", version, "--yes"]);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--to must be 0 or a migration number"));
        Assert.That(Tables(), Does.Contain("user"));
    }

    private async Task<(int ExitCode, string Output, string Error)> Run(Func<string, string?>? ask, string[] args, string password = "Admin-password-1")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await new CommandLine(() => factory.Services, () => Task.CompletedTask, output, error, _ => password, ask ?? (_ => null)).RunAsync(args);
        return (exitCode, output.ToString(), error.ToString());
    }

    private List<string> Tables()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDb>().Query<string>(kind == DatabaseKind.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").ToList();
    }
}
