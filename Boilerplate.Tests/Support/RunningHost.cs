using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Boilerplate.Tests.Support;

/// <summary>
/// The built host as a real process on a loopback port, for clients that need a real socket (a
/// browser), in the Test environment on a database of its own.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly SqliteTestDatabase database = new();

    private RunningHost(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = HostProcess.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(HostProcess.Directory, "Boilerplate.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["BOILERPLATE_ENV"] = "test";
        start.Environment["DATABASE_URL"] = database.Url;
        process = Process.Start(start)!;
        // Drain the pipes so a chatty host never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public static async Task<RunningHost> StartAsync()
    {
        var host = new RunningHost(FreePort());
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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        database.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
