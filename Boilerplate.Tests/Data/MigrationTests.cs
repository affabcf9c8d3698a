using Boilerplate.Host.Cli;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Data;

/// <summary>Every migration goes up, down and up again through the CLI's db commands, on each database.</summary>
[OnEachDatabase]
public class MigrationTests(DatabaseKind kind)
{
    private ApiFactory factory = null!;

    [SetUp]
    public void StartHost() => factory = new ApiFactory(kind: kind);

    [TearDown]
    public void StopHost() => factory?.Dispose();

    [Test]
    public async Task The_test_host_starts_with_every_migration_applied()
    {
        var (_, output) = await Db("status");

        Assert.That(output, Does.Match(@"1\s+applied\s+initial database migration"));
        Assert.That(output, Does.Match(@"2\s+applied\s+add blacklist table"));
        Assert.That(output, Does.Match(@"3\s+applied\s+add refresh tokens"));
        Assert.That(output, Does.Match(@"4\s+applied\s+add account security"));
        Assert.That(output, Does.Match(@"5\s+applied\s+add sign-in lockout"));
        Assert.That(output, Does.Match(@"6\s+applied\s+notify revocations"));
        Assert.That(Tables(), Is.SupersetOf(new[] { "user", "blacklist_tokens", "refresh_tokens" }));
    }

    [Test]
    public async Task Each_downgrade_undoes_one_migration()
    {
        // SQLite's user_search is migration 14's; PostgreSQL's is 20's, with its trigger.
        Assert.That(Tables(), Does.Contain("user_search"));
        Assert.That(Triggers(), kind == DatabaseKind.PostgreSql ? Does.Contain("user_search_copy") : Does.Not.Contain("user_search_copy"));
        await Db("downgrade");
        Assert.That(Tables(), kind == DatabaseKind.PostgreSql ? Does.Not.Contain("user_search") : Does.Contain("user_search"));
        Assert.That(Triggers(), Does.Not.Contain("user_search_copy"));

        Assert.That(Tables(), Does.Contain("external_identities").And.Contain("external_sign_ins"));
        Assert.That(Columns("mfa_challenges"), Does.Contain("after_external"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("external_identities").And.Not.Contain("external_sign_ins"));
        Assert.That(Columns("mfa_challenges"), Does.Not.Contain("after_external"));

        Assert.That(Tables(), Does.Contain("api_keys"));
        Assert.That(Triggers(), kind == DatabaseKind.PostgreSql ? Does.Contain("api_keys_notify") : Does.Not.Contain("api_keys_notify"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("api_keys"));

        Assert.That(Tables(), Does.Contain("audit_events"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("audit_events"));

        Assert.That(Tables(), Does.Contain("roles"));
        Assert.That(Columns("user"), Does.Contain("roles").And.Contain("permissions"));
        Assert.That(Triggers(), kind == DatabaseKind.PostgreSql ? Does.Contain("roles_notify") : Does.Not.Contain("roles_notify"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("roles"));
        Assert.That(Columns("user"), Does.Not.Contain("roles").And.Not.Contain("permissions"));
        Assert.That(Triggers(), Does.Not.Contain("roles_notify"));

        Assert.That(Tables(), Does.Contain("signing_keys"));
        Assert.That(Triggers(), kind == DatabaseKind.PostgreSql ? Does.Contain("signing_keys_notify") : Does.Not.Contain("signing_keys_notify"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("signing_keys"));
        Assert.That(Triggers(), Does.Not.Contain("signing_keys_notify"));

        Assert.That(Tables(), Does.Contain("user_blocks"));
        Assert.That(Triggers(), Does.Contain("user_blocks_insert").Or.Contain("user_blocks_count"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("user_blocks").And.Not.Contain("user_search"));
        Assert.That(Triggers(), Has.None.StartsWith("user_blocks").And.None.StartsWith("user_search"));

        Assert.That(Triggers(), kind == DatabaseKind.PostgreSql ? Does.Contain("user_changed_notify").And.Not.Contain("user_stamp_notify") : Is.Empty);
        await Db("downgrade");
        Assert.That(Triggers(), kind == DatabaseKind.PostgreSql ? Does.Contain("user_stamp_notify").And.Contain("user_deleted_notify").And.Not.Contain("user_changed_notify") : Is.Empty);

        Assert.That(Tables(), Does.Contain("passkeys").And.Contain("passkey_ceremonies"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("passkeys").And.Not.Contain("passkey_ceremonies"));

        Assert.That(Tables(), Does.Contain("recovery_codes").And.Contain("mfa_challenges"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("recovery_codes").And.Not.Contain("mfa_challenges"));
        Assert.That(Columns("user"), Does.Not.Contain("mfa_enabled").And.Not.Contain("totp_secret"));

        Assert.That(Tables(), Does.Contain("user_sessions"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("user_sessions"));

        Assert.That(Tables(), Does.Contain("mail_outbox").And.Contain("email_tokens"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("mail_outbox").And.Not.Contain("email_tokens"));
        Assert.That(Columns("user"), Does.Not.Contain("email_verified"));

        Assert.That(Tables(), kind == DatabaseKind.PostgreSql ? Does.Contain("rate_limit_counts") : Does.Not.Contain("rate_limit_counts"));
        await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("rate_limit_counts"));

        Assert.That(Triggers(), kind == DatabaseKind.PostgreSql ? Has.Count.EqualTo(3) : Is.Empty);
        Assert.That(NoticeFunctions(), kind == DatabaseKind.PostgreSql ? Has.All.Contains("clock_timestamp") : Is.Empty);
        await Db("downgrade");
        Assert.That(NoticeFunctions(), Has.None.Contains("clock_timestamp"), "migration 7 undone: notices without their time");
        Assert.That(Triggers(), kind == DatabaseKind.PostgreSql ? Has.Count.EqualTo(3) : Is.Empty);

        await Db("downgrade");
        Assert.That(Triggers(), Is.Empty);

        await Db("downgrade");
        Assert.That(Columns("user"), Does.Contain("locked").And.Not.Contain("failed_sign_ins").And.Not.Contain("locked_out_until"));

        await Db("downgrade");
        Assert.That(Columns("user"), Does.Contain("admin").And.Not.Contain("security_stamp").And.Not.Contain("locked"));

        await Db("downgrade");
        Assert.That(Tables(), Does.Contain("blacklist_tokens").And.Not.Contain("refresh_tokens"));

        await Db("downgrade");
        Assert.That(Tables(), Does.Contain("user").And.Not.Contain("blacklist_tokens"));

        var (_, output) = await Db("downgrade");
        Assert.That(Tables(), Does.Not.Contain("user"));
        Assert.That(output, Does.Match(@"1\s+pending").And.Match(@"2\s+pending").And.Match(@"3\s+pending").And.Match(@"4\s+pending").And.Match(@"5\s+pending").And.Match(@"6\s+pending").And.Match(@"7\s+pending").And.Match(@"8\s+pending").And.Match(@"9\s+pending").And.Match(@"10\s+pending").And.Match(@"11\s+pending").And.Match(@"12\s+pending").And.Match(@"13\s+pending").And.Match(@"14\s+pending").And.Match(@"15\s+pending"));
    }

    [Test]
    public async Task Up_down_up_leaves_a_working_schema()
    {
        await Db("downgrade", "--to", "0");
        Assert.That(Tables(), Does.Not.Contain("user").And.Not.Contain("blacklist_tokens"));

        await Db("upgrade");
        // A host started on the schema after the round trip: the one running through it still holds
        // the signing key whose table was dropped beneath it, until its next read of the keys.
        using var after = new ApiFactory(kind: kind, database: factory.Database);
        var api = after.CreateApi();
        var token = await api.RegisterAsync("after_upgrade");
        Assert.That((await api.PostAsync("/auth/logout", token: token)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Downgrade_to_a_version_keeps_that_version()
    {
        await Db("downgrade", "--to", "1");
        Assert.That(Tables(), Does.Contain("user").And.Not.Contain("blacklist_tokens"));
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
        // No terminal here to confirm the tables a downgrade drops.
        string[] confirmed = args[0] == "downgrade" ? [.. args, "--yes"] : args;
        var exitCode = await new CommandLine(() => factory.Services, () => Task.CompletedTask, output, new StringWriter())
            .RunAsync(["db", .. confirmed]);
        return (exitCode, output.ToString());
    }

    private List<string> Tables() => Query(kind == DatabaseKind.Sqlite
        ? "SELECT name FROM sqlite_master WHERE type = 'table'"
        : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");

    private List<string> Columns(string table) => Query(kind == DatabaseKind.Sqlite
        ? $"SELECT name FROM pragma_table_info('{table}')"
        : $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'");

    /// <summary>The revocation triggers (PostgreSQL only).</summary>
    private List<string> Triggers() => kind == DatabaseKind.Sqlite
        ? Query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        : Query("SELECT DISTINCT trigger_name::text FROM information_schema.triggers WHERE trigger_schema = 'public'");

    /// <summary>The bodies of the functions the revocation triggers call (PostgreSQL only).</summary>
    private List<string> NoticeFunctions() => kind == DatabaseKind.Sqlite
        ? []
        : Query("SELECT prosrc FROM pg_proc WHERE proname IN ('notify_revoked_token', 'notify_security_stamp')");

    private List<string> Query(string sql)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDb>().Query<string>(sql).ToList();
    }
}
