using Boilerplate.ServiceInterface;

namespace Boilerplate.Host.Settings;

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

    /// <summary>
    /// Maps BOILERPLATE_ENV onto ASP.NET Core's environment; an explicit --environment still wins.
    /// Answers why, for the first line the server logs: a deployment started without the
    /// variable runs in Development, and should be told so.
    /// </summary>
    public static string Select()
    {
        var seedName = Environment.GetEnvironmentVariable("BOILERPLATE_ENV");
        if (!string.IsNullOrEmpty(seedName))
        {
            if (!Names.TryGetValue(seedName, out var name))
                throw new StartupException($"BOILERPLATE_ENV must be dev, test or prod, not '{seedName}'.");
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", name);
            return $"BOILERPLATE_ENV={seedName}";
        }
        if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { } aspNetCore)
            return $"ASPNETCORE_ENVIRONMENT={aspNetCore}";
        if (Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { } dotnet)
            return $"DOTNET_ENVIRONMENT={dotnet}";
        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", Environments.Development);
        return "BOILERPLATE_ENV is not set, and dev is the default; set BOILERPLATE_ENV=prod for production";
    }
}
