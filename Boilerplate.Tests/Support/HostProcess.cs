using System.Diagnostics;

namespace Boilerplate.Tests.Support;

/// <summary>Runs the built host as a separate process, as an operator would, to see its exit code and output.</summary>
public static class HostProcess
{
    /// <summary>The host's own build output, beside this test assembly's (same configuration).</summary>
    public static string Directory { get; } =
        AppContext.BaseDirectory.Replace("Boilerplate.Tests", "Boilerplate.Host", StringComparison.Ordinal);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(Directory, "Boilerplate.Host.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "BOILERPLATE_ENV", "SECRET_KEY", "DATABASE_URL", "BOILERPLATE_ADMIN_PASSWORD" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}
