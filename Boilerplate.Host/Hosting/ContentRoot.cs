namespace Boilerplate.Host.Hosting;

/// <summary>
/// Where the host finds its appsettings files (and resolves relative paths such as a SQLite
/// file): the project folder when run from source (<c>dotnet run</c> starts there), else the
/// folder of the app's own files, so the published host reads its settings from any working
/// directory. ASP.NET Core's own <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> still wins.
/// </summary>
public static class ContentRoot
{
    private const string ProjectFile = "Boilerplate.Host.csproj";

    /// <summary>The folder to use, or null when the caller named one itself.</summary>
    public static string? For(string[] args)
    {
        var named = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        if (named)
            return null;
        var workingDirectory = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(workingDirectory, ProjectFile)) ? workingDirectory : AppContext.BaseDirectory;
    }
}
