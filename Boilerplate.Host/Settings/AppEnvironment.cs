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
