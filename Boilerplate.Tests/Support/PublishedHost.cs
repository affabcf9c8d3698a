namespace Boilerplate.Tests.Support;

/// <summary>
/// The host as docs/deploy.md publishes it, <c>dotnet publish Boilerplate.Host -c Release -o …</c>
/// and nothing else, made once per test run into TestResults/published (which make test clears).
/// </summary>
public static class PublishedHost
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding the published <c>Boilerplate.Host.dll</c>.</summary>
    public static Task<string> FolderAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "TestResults", "published");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        var (exitCode, output, error) = await HostProcess.RunCommandAsync(
            ["dotnet", "publish", "Boilerplate.Host", "-c", "Release", "-o", folder, "-v", "quiet", "-nologo"], [], RepositoryRoot.Path, TimeSpan.FromMinutes(5));
        if (exitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({exitCode}): {output}{error}");
        return folder;
    }
}
