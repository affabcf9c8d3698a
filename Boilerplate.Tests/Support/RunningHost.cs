using System.Diagnostics;
using System.Net;

namespace Boilerplate.Tests.Support;

/// <summary>
/// The built host as a real process on a loopback port, for clients that need a real socket (a
/// browser, a second host), in the Test environment on a database of its own or a given one.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly TestDatabase database;
    private readonly bool ownsDatabase;
    private readonly System.Text.StringBuilder output = new();

    /// <param name="settings">Environment variables on top, e.g. "Limits__RequestHeadersTimeout".</param>
    private RunningHost(int port, TestDatabase? database, IReadOnlyDictionary<string, string>? settings)
    {
        this.database = database ?? new SqliteTestDatabase();
        ownsDatabase = database is null;
        BaseUrl = $"http://127.0.0.1:{port}";
        Port = port;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = HostProcess.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(HostProcess.Directory, "Boilerplate.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["BOILERPLATE_ENV"] = "test";
        start.Environment["DATABASE_URL"] = this.database.Url;
        // Browsers allow passkeys on localhost, not on an IP address; mail links lead there too.
        start.Environment["App__PublicUrl"] = $"http://localhost:{port}";
        start.Environment["Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), "ssboilerplate-mail", Guid.NewGuid().ToString("N"));
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        process = Process.Start(start)!;
        // Drain the pipes so a chatty host never blocks on a full buffer; what it says is kept.
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }
    public int Port { get; }

    /// <summary>
    /// Settings for hosts that stand for one service (behind a load balancer, or one host
    /// restarted): one public address, the tokens' issuer, so each accepts what the others issued.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OneService { get; } = new Dictionary<string, string> { ["App__PublicUrl"] = "http://localhost:8080" };

    /// <summary>Everything the host wrote, stdout and stderr together.</summary>
    public string Output { get { lock (output) return output.ToString(); } }

    /// <param name="port">A port picked beforehand, for settings that must name the host's address (a provider's redirect URI).</param>
    public static async Task<RunningHost> StartAsync(TestDatabase? database = null, IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        var host = new RunningHost(port ?? LoopbackPort.Free(), database, settings);
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (host.process.HasExited)
                throw new InvalidOperationException($"The host exited with {host.process.ExitCode}.");
            try
            {
                using var response = await http.GetAsync(host.BaseUrl + "/api/GetCurrentUser");
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                    return host;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        await host.DisposeAsync();
        throw new TimeoutException("The host did not start within 20 s.");
    }

    /// <summary>SIGTERM, as an orchestrator stops a container; the host's exit code once it has stopped.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>SIGKILL: the host gets no chance to flush or finish anything.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        if (ownsDatabase)
            database.Dispose();
    }
}
