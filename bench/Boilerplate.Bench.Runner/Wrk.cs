using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Boilerplate.Bench.Runner;

public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors);

/// <summary>One wrk run of a scenario script (with report.lua appended, which prints the BENCH line).</summary>
public sealed partial class Wrk(string luaDirectory, string workDirectory)
{
    public async Task<LoadResult> RunAsync(string url, string script, int connections, TimeSpan duration,
        IReadOnlyDictionary<string, string>? environment = null, int threads = 1)
    {
        var combined = Path.Combine(workDirectory, $"wrk-{script}");
        await File.WriteAllTextAsync(combined,
            await File.ReadAllTextAsync(Path.Combine(luaDirectory, script)) + "\n" + await File.ReadAllTextAsync(Path.Combine(luaDirectory, "report.lua")));

        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}s", "--timeout", "10s", "-s", combined, url })
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start wrk: is it installed (apt-get install wrk)?");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = BenchLine().Match(output);
        if (process.ExitCode != 0 || !match.Success)
            throw new InvalidOperationException($"wrk failed on {url}: {output}{errors}");

        long Field(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var seconds = Field("duration") / 1e6;
        return new LoadResult(Field("requests") / seconds, Field("p50") / 1000.0, Field("p95") / 1000.0, Field("p99") / 1000.0,
            Field("requests"), Field("non2xx"), Field("socket"));
    }

    [GeneratedRegex(@"BENCH requests=(?<requests>\d+) duration_us=(?<duration>\d+) p50_us=(?<p50>\d+) p95_us=(?<p95>\d+) p99_us=(?<p99>\d+) non2xx=(?<non2xx>\d+) socket_errors=(?<socket>\d+)")]
    private static partial Regex BenchLine();
}
