using Boilerplate.ServiceInterface.Auth;
using Boilerplate.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Boilerplate.Tests.Config;

/// <summary>Production refuses to start on a secret anyone could know, or without a database.</summary>
public class ProductionStartupTests
{
    private const string GoodSecret = "a-long-random-production-secret-9f8e7d6c5b4a";
    // Nothing listens there; these tests never get as far as sending mail.
    private const string MailServer = "smtp://127.0.0.1:1?tls=none";
    private const string PublicUrl = "https://app.example.test";

    [TestCase("", "no secret key is set")]
    [TestCase("short-secret", "shorter than 32 bytes")]
    [TestCase("my_precious_secret_key", "shorter than 32 bytes")]
    [TestCase("dev-only-secret-key-not-for-production-use-0123456789", "published default")]
    [TestCase("test-only-secret-key-not-for-production-use-0123456789", "published default")]
    public void Production_refuses_a_missing_short_or_default_secret(string secret, string reason)
    {
        var result = Check(Environments.Production, secret);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(reason));
    }

    [Test]
    public void Production_accepts_a_long_secret_of_its_own()
    {
        Assert.That(Check(Environments.Production, GoodSecret).Succeeded, Is.True);
    }

    [Test]
    public void Development_may_use_the_development_key_but_not_a_short_one()
    {
        Assert.That(Check(Environments.Development, "dev-only-secret-key-not-for-production-use-0123456789").Succeeded, Is.True);
        Assert.That(Check(Environments.Development, "short").Failed, Is.True);
    }

    [Test]
    public async Task Production_serves_with_its_own_secret_once_told_to_migrate()
    {
        using var factory = new ApiFactory(Environments.Production)
        {
            Settings = { ["Auth:SecretKey"] = GoodSecret, ["Database:MigrateOnStart"] = "true", ["Auth:BcryptWorkFactor"] = "4" },
        };
        var response = await factory.CreateApi().PostAsync("/user", new { email = "prod@example.com", username = "prod", password = "password-123" });
        Assert.That(response.Status, Is.EqualTo(201), response.Text);
    }

    [TestCase(null, "error: no secret key is set")]
    [TestCase("my_precious_secret_key", "error: the secret key is shorter than 32 bytes")]
    [TestCase("dev-only-secret-key-not-for-production-use-0123456789", "error: the secret key is a published default")]
    [TestCase(GoodSecret, "error: the database has pending migrations: run 'db upgrade'")]
    public async Task The_process_exits_non_zero_with_one_line_saying_why(string? secret, string line)
    {
        using var database = new SqliteTestDatabase();
        var (exitCode, _, error) = await HostProcess.RunAsync([], new()
        {
            ["BOILERPLATE_ENV"] = "prod",
            ["SECRET_KEY"] = secret,
            ["DATABASE_URL"] = database.Url,
            ["SMTP_URL"] = MailServer,
            ["App__PublicUrl"] = PublicUrl,
        });

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(error, Does.StartWith(line));
    }

    [TestCase("Limits__RequestHeadersTimeout", "abc", "Limits:RequestHeadersTimeout")]
    [TestCase("Https__Redirect", "maybe", "Https:Redirect")]
    public async Task A_setting_that_cannot_be_read_stops_the_process_with_one_line_naming_it(string variable, string value, string setting)
    {
        using var database = new SqliteTestDatabase();
        var (exitCode, _, error) = await HostProcess.RunAsync([], new()
        {
            ["BOILERPLATE_ENV"] = "prod",
            ["SECRET_KEY"] = GoodSecret,
            ["DATABASE_URL"] = database.Url,
            ["Database__MigrateOnStart"] = "true",
            ["SMTP_URL"] = MailServer,
            ["App__PublicUrl"] = PublicUrl,
            [variable] = value,
        });

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(error, Does.StartWith($"error: Failed to convert configuration value '{value}' at '{setting}'"));
    }

    [Test]
    public async Task The_process_refuses_production_without_a_database()
    {
        var (exitCode, _, error) = await HostProcess.RunAsync([], new()
        {
            ["BOILERPLATE_ENV"] = "prod",
            ["SECRET_KEY"] = GoodSecret,
            ["SMTP_URL"] = MailServer,
            ["App__PublicUrl"] = PublicUrl,
        });

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo("error: no database is configured: set DATABASE_URL or Database:Url."));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Check(string environment, string secret) =>
        new AuthSettingsValidation(new HostingEnvironment { EnvironmentName = environment })
            .Validate(null, new AuthSettings { SecretKey = secret });
}
