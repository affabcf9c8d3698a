namespace Boilerplate.Tests.Support;

/// <summary>The checkout the tests run from, where the committed snapshots live.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SsBoilerplate.sln")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException("SsBoilerplate.sln is not above " + AppContext.BaseDirectory);
    }
}
