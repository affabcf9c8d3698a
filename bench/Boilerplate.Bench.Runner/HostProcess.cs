using System.Diagnostics;
using System.Net;

namespace Boilerplate.Bench.Runner;

/// <summary>A server under test, started as its own process; its output goes to a log file.</summary>
public sealed class HostProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process process;
    private readonly Stopwatch sinceStart;

    public string Name { get; }
    public string BaseUrl { get; }
    public string LogPath { get; }

    private HostProcess(string name, Process process, string baseUrl, string logPath, Stopwatch sinceStart)
    {
        Name = name;
        this.process = process;
        BaseUrl = baseUrl;
        LogPath = logPath;
        this.sinceStart = sinceStart;
    }

    public static HostProcess Start(string name, string dll, int port, IReadOnlyDictionary<string, string> environment, string logDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        var url = $"http://127.0.0.1:{port}";
        // Plain "Urls", not ASPNETCORE_URLS: the host's appsettings.json sets Urls, which would win over the latter.
        info.Environment["Urls"] = url;
        foreach (var (key, value) in environment)
            info.Environment[key] = value;

        var logPath = Path.Combine(logDirectory, $"{name}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(name, process, url, logPath, clock);
    }

    public int Id => process.Id;

    /// <summary>Polls until <paramref name="path"/> answers 200; returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitForOkAsync(string path, string? token = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}; see {LogPath}");
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, BaseUrl + path);
                if (token is not null)
                    request.Headers.Authorization = new("Bearer", token);
                using var response = await Http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                    return sinceStart.Elapsed;
                if ((int)response.StatusCode >= 400 && (int)response.StatusCode != 503)
                    throw new InvalidOperationException($"{Name}: GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"{Name} did not answer 200 on {path}; see {LogPath}");
    }

    /// <summary>For a one-off command (such as <c>db upgrade</c>): waits for it to end and fails when it did not succeed.</summary>
    public async Task ExpectExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}; see {LogPath}");
    }

    public Task<string> GetStringAsync(string path) => Http.GetStringAsync(BaseUrl + path);

    /// <summary>Resident set size in MB, from /proc.</summary>
    public double RssMb()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        return double.NaN;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process.Dispose();
    }
}
