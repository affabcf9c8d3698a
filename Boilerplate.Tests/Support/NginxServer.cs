using System.Diagnostics;

namespace Boilerplate.Tests.Support;

/// <summary>Debian's nginx with a test's own configuration, in a directory of the test's, until disposed.</summary>
public sealed class NginxServer : IAsyncDisposable
{
    public const string Program = "/usr/sbin/nginx";

    private readonly Process process;

    private NginxServer(Process process) => this.process = process;

    public static bool Installed => File.Exists(Program);

    /// <summary>Writes <c>nginx.conf</c> into <paramref name="directory"/>, starts nginx on it, and waits until <paramref name="probeUrl"/> answers.</summary>
    public static async Task<NginxServer> StartAsync(string directory, string configuration, string probeUrl)
    {
        var file = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(file, configuration);
        var server = new NginxServer(Process.Start(new ProcessStartInfo(Program, ["-p", directory, "-c", file]) { RedirectStandardError = true })!);
        using var probe = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var _ = await probe.GetAsync(probeUrl);
                return server;
            }
            catch (HttpRequestException) when (attempt < 50 && !server.process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // The whole tree: killed alone, the master leaves its workers running on the ports.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
