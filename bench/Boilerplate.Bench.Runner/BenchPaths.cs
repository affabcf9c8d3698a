namespace Boilerplate.Bench.Runner;

/// <summary>Where the published host, the built baseline, the wrk scripts and the scratch folder are.</summary>
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
        var work = Path.Combine(bench, ".work");
        var paths = new BenchPaths(
            root.FullName,
            Path.Combine(work, "host", "Boilerplate.Host.dll"),
            Path.Combine(bench, "Boilerplate.Bench.Baseline", "bin", "Release", "net10.0", "Boilerplate.Bench.Baseline.dll"),
            Path.Combine(bench, "lua"),
            work,
            Path.Combine(bench, "RESULTS.md"));
        foreach (var dll in new[] { paths.HostDll, paths.BaselineDll })
        {
            if (!File.Exists(dll))
                throw new InvalidOperationException($"{dll} is missing: run bench/run, which publishes the host and builds the baseline first");
        }
        Directory.CreateDirectory(paths.Work);
        // The mail the hosts wrote last time, which nothing reads.
        if (Directory.Exists(Path.Combine(paths.Work, "mail")))
            Directory.Delete(Path.Combine(paths.Work, "mail"), recursive: true);
        return paths;
    }
}
