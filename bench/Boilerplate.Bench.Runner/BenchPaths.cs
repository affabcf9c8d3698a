namespace Boilerplate.Bench.Runner;

/// <summary>Where the built host, the baseline, the wrk scripts and the scratch folder are.</summary>
public sealed record BenchPaths(string Root, string HostDll, string BaselineDll, string Lua, string Work, string Results)
{
    public static BenchPaths Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SsBoilerplate.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("cannot find the repository (SsBoilerplate.sln) above the runner");

        var bench = Path.Combine(root.FullName, "bench");
        var paths = new BenchPaths(
            root.FullName,
            Path.Combine(root.FullName, "Boilerplate.Host", "bin", "Release", "net10.0", "Boilerplate.Host.dll"),
            Path.Combine(bench, "Boilerplate.Bench.Baseline", "bin", "Release", "net10.0", "Boilerplate.Bench.Baseline.dll"),
            Path.Combine(bench, "lua"),
            Path.Combine(bench, ".work"),
            Path.Combine(bench, "RESULTS.md"));
        foreach (var dll in new[] { paths.HostDll, paths.BaselineDll })
        {
            if (!File.Exists(dll))
                throw new InvalidOperationException($"{dll} is not built: run bench/run, which builds in Release first");
        }
        Directory.CreateDirectory(paths.Work);
        // The mail the hosts wrote last time, which nothing reads.
        if (Directory.Exists(Path.Combine(paths.Work, "mail")))
            Directory.Delete(Path.Combine(paths.Work, "mail"), recursive: true);
        return paths;
    }
}
