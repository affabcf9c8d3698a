using Boilerplate.Host.Cli;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Data;

/// <summary>The two seed migrations go up, down and up again through the CLI's db commands.</summary>
public class MigrationTests
{
    private ApiFactory factory = null!;

    [SetUp]
    public void StartHost() => factory = new ApiFactory();

    [TearDown]
    public void StopHost() => factory.Dispose();

    [Test]
    public async Task The_test_host_starts_with_every_migration_applied()
    {
        var (_, output) = await Db("status");

        Assert.That(output, Does.Match(@"1\s+applied\s+initial database migration"));
        Assert.That(output, Does.Match(@"2\s+applied\s+add blacklist table"));
        Assert.That(output, Does.Match(@"3\s+applied\s+add refresh tokens"));
        Assert.That(output, Does.Match(@"4\s+applied\s+add account security"));
        Assert.That(output, Does.Match(@"5\s+applied\s+add sign-in lockout"));
        Assert.That(await Tables(), Is.SupersetOf(new[] { "user", "blacklist_tokens", "refresh_tokens" }));
    }

    [Test]
    public async Task Each_downgrade_undoes_one_migration()
    {
        await Db("downgrade");
        Assert.That(await Columns("user"), Does.Contain("locked").And.Not.Contain("failed_sign_ins").And.Not.Contain("locked_out_until"));

        await Db("downgrade");
        Assert.That(await Columns("user"), Does.Contain("admin").And.Not.Contain("security_stamp").And.Not.Contain("locked"));

        await Db("downgrade");
        Assert.That(await Tables(), Does.Contain("blacklist_tokens").And.Not.Contain("refresh_tokens"));

        await Db("downgrade");
        Assert.That(await Tables(), Does.Contain("user").And.Not.Contain("blacklist_tokens"));

        var (_, output) = await Db("downgrade");
        Assert.That(await Tables(), Does.Not.Contain("user"));
        Assert.That(output, Does.Match(@"1\s+pending").And.Match(@"2\s+pending").And.Match(@"3\s+pending").And.Match(@"4\s+pending").And.Match(@"5\s+pending"));
    }

    [Test]
    public async Task Up_down_up_leaves_a_working_schema()
    {
        await Db("downgrade", "--to", "0");
        Assert.That(await Tables(), Does.Not.Contain("user").And.Not.Contain("blacklist_tokens"));

        await Db("upgrade");
        var api = factory.CreateApi();
        var token = await api.RegisterAsync("after_upgrade");
        Assert.That((await api.PostAsync("/auth/logout", token: token)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Downgrade_to_a_version_keeps_that_version()
    {
        await Db("downgrade", "--to", "1");
        Assert.That(await Tables(), Does.Contain("user").And.Not.Contain("blacklist_tokens"));
    }

    [Test]
    public async Task A_bad_version_number_is_a_usage_error()
    {
        var (exitCode, _) = await Db("downgrade", "--to", "latest");
        Assert.That(exitCode, Is.EqualTo(2));
    }

    private async Task<(int ExitCode, string Output)> Db(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await new CommandLine(factory.Services, () => Task.CompletedTask, output, new StringWriter())
            .RunAsync(["db", .. args]);
        return (exitCode, output.ToString());
    }

    private Task<List<string>> Tables()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return Task.FromResult(db.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToList());
    }

    private Task<List<string>> Columns(string table)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return Task.FromResult(db.Query<string>($"SELECT name FROM pragma_table_info('{table}')").ToList());
    }
}
