using System.Diagnostics;

namespace Boilerplate.Tests.Support;

/// <summary>Runs the built host as a separate process, as an operator would, to see its exit code and output.</summary>
public static class HostProcess
{
    /// <summary>The host's own build output, beside this test assembly's (same configuration).</summary>
    public static string Directory { get; } =
        AppContext.BaseDirectory.Replace("Boilerplate.Tests", "Boilerplate.Host", StringComparison.Ordinal);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(
        string[] args, Dictionary<string, string?> environment, string? workingDirectory = null) =>
        RunCommandAsync(Host(args), environment, workingDirectory ?? Directory);

    /// <summary>Runs <paramref name="command"/> (a program and its arguments) to its end, killed after <paramref name="timeout"/> (60 s).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(
        string[] command, Dictionary<string, string?> environment, string workingDirectory, TimeSpan? timeout = null)
    {
        var start = StartInfo(command, environment, workingDirectory);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the host serving, and returns once <paramref name="url"/> answers at all; disposing it kills the process.</summary>
    public static Task<Serving> ServeAsync(string[] args, Dictionary<string, string?> environment, string url, string? workingDirectory = null) =>
        ServeCommandAsync(Host(args), environment, url, workingDirectory ?? Directory);

    /// <summary>Starts <paramref name="command"/> and returns once <paramref name="url"/> answers at all.</summary>
    public static async Task<Serving> ServeCommandAsync(string[] command, Dictionary<string, string?> environment, string url, string workingDirectory)
    {
        var serving = new Serving(Process.Start(StartInfo(command, environment, workingDirectory))!);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (serving.Process.HasExited)
                throw new InvalidOperationException($"The host exited with {serving.Process.ExitCode}: {serving.Error}");
            try
            {
                using var _ = await http.GetAsync(url);
                return serving;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }
        await serving.DisposeAsync();
        throw new TimeoutException($"{url} did not answer within 20 s.");
    }

    private static string[] Host(string[] args) => ["dotnet", Path.Combine(Directory, "Boilerplate.Host.dll"), .. args];

    private static ProcessStartInfo StartInfo(string[] command, Dictionary<string, string?> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in command.Skip(1))
            start.ArgumentList.Add(arg);
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "BOILERPLATE_ENV", "SECRET_KEY", "DATABASE_URL", "BOILERPLATE_ADMIN_PASSWORD", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return start;
    }

    /// <summary>A host process serving; its output is collected as it comes.</summary>
    public sealed class Serving : IAsyncDisposable
    {
        private readonly System.Text.StringBuilder output = new();
        private readonly System.Text.StringBuilder error = new();

        public Serving(Process process)
        {
            Process = process;
            process.StandardInput.Close();
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (error) error.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output { get { lock (output) return output.ToString(); } }

        public string Error { get { lock (error) return error.ToString(); } }

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
                Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
            Process.Dispose();
        }
    }
}
