using System.Diagnostics;

namespace Boilerplate.Tests.Support;

/// <summary>
/// A PostgreSQL server of one test's own (initdb in a temporary folder, a free loopback port), so
/// the test can stop and start it without disturbing the server every other test shares. Skips the
/// test, saying why, where Debian's PostgreSQL server package is not installed.
/// </summary>
public sealed class PostgreSqlServer : IDisposable
{
    private readonly string binaries;
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"boilerplate-pg-{Guid.NewGuid():N}");
    private readonly int port = LoopbackPort.Free();

    private PostgreSqlServer(string binaries) => this.binaries = binaries;

    /// <summary>The server's superuser on its default database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";

    public static async Task<PostgreSqlServer> StartNewAsync()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (installed is null)
            Assert.Ignore("this test starts and stops a PostgreSQL server of its own: apt-get install postgresql");

        var server = new PostgreSqlServer(installed!);
        Directory.CreateDirectory(server.folder);
        // PostgreSQL refuses to run as root; as root, the server runs as the package's postgres user.
        if (Environment.UserName == "root")
            await Run("chown", "postgres", server.folder);
        await server.RunServerTool("initdb", "-D", server.DataFolder, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        await server.StartAsync();
        return server;
    }

    private string DataFolder => Path.Combine(folder, "data");

    public Task StartAsync() => RunServerTool("pg_ctl", "-D", DataFolder, "-l", Path.Combine(folder, "log"), "-w", "-t", "30",
        "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Stops at once, as a crash or a failover would: every connection is cut.</summary>
    public Task StopAsync() => RunServerTool("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");

    public void Dispose()
    {
        try
        {
            StopAsync().GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(folder, recursive: true);
    }

    private Task RunServerTool(string tool, params string[] args) => Environment.UserName == "root"
        ? Run("runuser", ["-u", "postgres", "--", Path.Combine(binaries, tool), .. args])
        : Run(Path.Combine(binaries, tool), args);

    private static async Task Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
    }
}
