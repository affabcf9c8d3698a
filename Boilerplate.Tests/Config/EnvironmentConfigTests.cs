using Boilerplate.Host.Settings;
using Boilerplate.ServiceInterface;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Boilerplate.Tests.Config;

/// <summary>Config per environment, like the seed's test_config: what each appsettings file sets.</summary>
public class EnvironmentConfigTests
{
    [Test]
    public void Development_logs_at_debug_and_keeps_a_migrated_sqlite_file_under_app_data()
    {
        var config = Load("Development");

        Assert.That(config["Logging:LogLevel:Default"], Is.EqualTo("Debug"));
        Assert.That(config["Database:Url"], Is.EqualTo("sqlite:App_Data/boilerplate-dev.db"));
        Assert.That(config.GetValue<bool>("Database:MigrateOnStart"), Is.True);
        Assert.That(config["Auth:SecretKey"], Has.Length.GreaterThanOrEqualTo(32));
    }

    [Test]
    public void Test_uses_a_database_of_its_own_and_cheap_hashing()
    {
        var config = Load("Test");

        Assert.That(config["Database:Url"], Is.Not.EqualTo(Load("Development")["Database:Url"]));
        Assert.That(config.GetValue<bool>("Database:MigrateOnStart"), Is.True);
        Assert.That(config.GetValue<int>("Auth:BcryptWorkFactor"), Is.EqualTo(4));
    }

    [Test]
    public void Production_ships_no_secret_and_no_database_and_never_migrates_by_itself()
    {
        var config = Load("Production");

        Assert.That(config["Auth:SecretKey"], Is.Null);
        Assert.That(config["Database:Url"], Is.Null);
        Assert.That(config.GetValue<bool>("Database:MigrateOnStart"), Is.False);
        Assert.That(Auth(config).BcryptWorkFactor, Is.EqualTo(12));
        Assert.That(config["Logging:LogLevel:Default"], Is.Not.EqualTo("Debug"));
    }

    [Test]
    public void Access_tokens_live_15_minutes_and_refresh_tokens_14_days_with_rotation()
    {
        var auth = Auth(Load("Production"));
        Assert.That(auth.AccessTokenLifetime, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(auth.RefreshTokenLifetime, Is.EqualTo(TimeSpan.FromDays(14)));
        Assert.That(auth.RotateRefreshTokens, Is.True);
    }

    [Test]
    public void The_test_host_runs_in_the_test_environment_with_its_settings_bound()
    {
        using var factory = new ApiFactory();

        Assert.That(factory.Services.GetRequiredService<IHostEnvironment>().EnvironmentName, Is.EqualTo("Test"));
        Assert.That(factory.Services.GetRequiredService<IOptions<AuthSettings>>().Value.BcryptWorkFactor, Is.EqualTo(4));
        Assert.That(factory.Services.GetRequiredService<IOptions<DatabaseSettings>>().Value.Url, Is.EqualTo(factory.Database.Url));
    }

    /// <summary>The Auth settings as the host binds them: the files' values over the class's defaults.</summary>
    private static AuthSettings Auth(IConfiguration config) => config.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();

    private static IConfiguration Load(string environment) => new ConfigurationBuilder()
        .SetBasePath(HostProcess.Directory)
        .AddJsonFile("appsettings.json")
        .AddJsonFile($"appsettings.{environment}.json")
        .Build();
}

/// <summary>BOILERPLATE_ENV, SECRET_KEY and DATABASE_URL, the seed's environment variables.</summary>
[NonParallelizable]
public class EnvironmentVariableTests
{
    private readonly Dictionary<string, string?> saved = [];

    [SetUp]
    public void Save()
    {
        foreach (var name in new[] { "BOILERPLATE_ENV", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "SECRET_KEY", "DATABASE_URL" })
            saved[name] = Environment.GetEnvironmentVariable(name);
    }

    [TearDown]
    public void Restore()
    {
        foreach (var (name, value) in saved)
            Environment.SetEnvironmentVariable(name, value);
    }

    [TestCase("dev", "Development")]
    [TestCase("test", "Test")]
    [TestCase("prod", "Production")]
    public void BOILERPLATE_ENV_selects_the_environment(string seedName, string environment)
    {
        Environment.SetEnvironmentVariable("BOILERPLATE_ENV", seedName);
        AppEnvironment.Select();
        Assert.That(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"), Is.EqualTo(environment));
    }

    [Test]
    public void Without_any_setting_the_environment_is_development()
    {
        foreach (var name in saved.Keys) Environment.SetEnvironmentVariable(name, null);
        AppEnvironment.Select();
        Assert.That(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"), Is.EqualTo("Development"));
    }

    [Test]
    public void An_unknown_BOILERPLATE_ENV_is_refused()
    {
        Environment.SetEnvironmentVariable("BOILERPLATE_ENV", "staging");
        Assert.That(AppEnvironment.Select, Throws.TypeOf<StartupException>().With.Message.Contains("dev, test or prod"));
    }

    [Test]
    public void SECRET_KEY_and_DATABASE_URL_override_the_files_and_the_command_line_overrides_them()
    {
        Environment.SetEnvironmentVariable("SECRET_KEY", "from-the-environment");
        Environment.SetEnvironmentVariable("DATABASE_URL", "sqlite:/tmp/from-the-environment.db");
        var config = new ConfigurationManager();
        config.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SecretKey"] = "from-a-file", ["Database:Url"] = "sqlite:file.db" });
        config.AddEnvironmentVariables();
        config.AddCommandLine(["--Database:Url=sqlite:/tmp/from-the-command-line.db"]);

        SeedVariables.AddTo(config);

        Assert.That(config["Auth:SecretKey"], Is.EqualTo("from-the-environment"));
        Assert.That(config["Database:Url"], Is.EqualTo("sqlite:/tmp/from-the-command-line.db"));
    }
}
