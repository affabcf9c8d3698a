using System.Text;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host;

/// <summary>The service cannot start as configured; the message says why in one line.</summary>
public sealed class StartupException(string message) : Exception(message);

/// <summary>The seed's environment names: BOILERPLATE_ENV=dev|test|prod, dev when unset.</summary>
public static class AppEnvironment
{
    public const string Test = "Test";

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dev"] = Environments.Development,
        ["test"] = Test,
        ["prod"] = Environments.Production,
    };

    /// <summary>Maps BOILERPLATE_ENV onto ASP.NET Core's environment; an explicit --environment still wins.</summary>
    public static void Select()
    {
        var seedName = Environment.GetEnvironmentVariable("BOILERPLATE_ENV");
        if (!string.IsNullOrEmpty(seedName))
        {
            if (!Names.TryGetValue(seedName, out var name))
                throw new StartupException($"BOILERPLATE_ENV must be dev, test or prod, not '{seedName}'.");
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", name);
        }
        else if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null
                 && Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null)
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", Environments.Development);
        }
    }
}

public static class ConfigureSettings
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        AddSeedVariables(builder.Configuration);
        builder.Services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section).ValidateOnStart();
        builder.Services.AddOptions<DatabaseSettings>().BindConfiguration(DatabaseSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthSettings>, AuthSettingsCheck>();
        builder.Services.AddSingleton<IValidateOptions<DatabaseSettings>, DatabaseSettingsCheck>();
        return builder;
    }

    /// <summary>
    /// The seed's SECRET_KEY and DATABASE_URL, read as Auth:SecretKey and Database:Url. They sit
    /// just above the other environment variables, so command-line settings still override them.
    /// </summary>
    internal static void AddSeedVariables(ConfigurationManager configuration)
    {
        var aliases = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("SECRET_KEY") is { Length: > 0 } secret)
            aliases[$"{AuthSettings.Section}:{nameof(AuthSettings.SecretKey)}"] = secret;
        if (Environment.GetEnvironmentVariable("DATABASE_URL") is { Length: > 0 } url)
            aliases[$"{DatabaseSettings.Section}:{nameof(DatabaseSettings.Url)}"] = url;
        if (aliases.Count == 0)
            return;

        var sources = configuration.Sources;
        var lastEnvironment = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is EnvironmentVariablesConfigurationSource).i;
        var source = new MemoryConfigurationSource { InitialData = aliases };
        if (lastEnvironment > 0) sources.Insert(lastEnvironment + 1, source);
        else sources.Add(source);
    }
}

/// <summary>Production refuses to start on a secret anyone could know.</summary>
public sealed class AuthSettingsCheck(IHostEnvironment environment) : IValidateOptions<AuthSettings>
{
    public const int MinSecretBytes = 32;

    /// <summary>Keys that ship in this repository or in the seed: never acceptable in production.</summary>
    private static readonly HashSet<string> KnownSecrets =
    [
        "my_precious_secret_key", "my_precious", "secret", "changeme", "change-me",
        "dev-only-secret-key-not-for-production-use-0123456789",
        "test-only-secret-key-not-for-production-use-0123456789",
    ];

    public ValidateOptionsResult Validate(string? name, AuthSettings settings)
    {
        var key = settings.SecretKey;
        string? problem = null;
        if (string.IsNullOrEmpty(key))
            problem = "no secret key is set: set SECRET_KEY (at least 32 bytes, random).";
        else if (Encoding.UTF8.GetByteCount(key) < MinSecretBytes)
            problem = $"the secret key is shorter than {MinSecretBytes} bytes: set a longer random SECRET_KEY.";
        else if (environment.IsProduction() && KnownSecrets.Contains(key))
            problem = "the secret key is a published default: set your own random SECRET_KEY.";

        if (settings.BcryptWorkFactor is < 4 or > 31)
            problem ??= "Auth:BcryptWorkFactor must be between 4 and 31.";
        if (settings.MaxFailedSignIns < 1)
            problem ??= "Auth:MaxFailedSignIns must be at least 1.";
        if (settings.AccessTokenLifetime <= TimeSpan.Zero || settings.RefreshTokenLifetime <= TimeSpan.Zero)
            problem ??= "Auth:AccessTokenLifetime and Auth:RefreshTokenLifetime must be positive.";
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}

public sealed class DatabaseSettingsCheck(IHostEnvironment environment) : IValidateOptions<DatabaseSettings>
{
    public ValidateOptionsResult Validate(string? name, DatabaseSettings settings)
    {
        try
        {
            DatabaseUrl.Parse(settings.Url, environment.ContentRootPath);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
