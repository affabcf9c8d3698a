using System.Globalization;
using System.Text;

namespace Boilerplate.Bench.Runner;

/// <summary>A load scenario's samples, one per round, and the scenario its ratio is taken against.</summary>
public sealed class Scenario(string name, string? reference, double? minRatio, double? maxP99Ms = null, double? maxP95Ms = null)
{
    public string Name { get; } = name;
    public string? Reference { get; } = reference;
    public double? MinRatio { get; } = minRatio;
    public double? MaxP99Ms { get; } = maxP99Ms;
    public double? MaxP95Ms { get; } = maxP95Ms;
    public List<LoadResult> Rounds { get; } = [];
}

/// <summary>A single measured figure (memory, start time) against its limit.</summary>
public sealed record Figure(string Name, double Value, string Unit, double? Max);

public sealed class Report(RunOptions options)
{
    private readonly List<Scenario> scenarios = [];
    private readonly List<Figure> figures = [];
    public string LoadBefore { get; set; } = "";
    public string LoadAfter { get; set; } = "";

    public Scenario Add(string name, string? reference = null, double? minRatio = null, double? maxP99Ms = null, double? maxP95Ms = null)
    {
        var scenario = new Scenario(name, reference, minRatio, maxP99Ms, maxP95Ms);
        scenarios.Add(scenario);
        return scenario;
    }

    public void Add(Figure figure) => figures.Add(figure);

    public bool AllPass => scenarios.All(s => Pass(s) != false) && figures.All(f => Pass(f) != false);

    /// <summary>The median over rounds of the ratio in each round: both sides of a ratio ran back to back.</summary>
    public double? Ratio(Scenario scenario)
    {
        if (scenario.Reference is null || scenarios.Find(s => s.Name == scenario.Reference) is not { } reference)
            return null;
        var rounds = Math.Min(scenario.Rounds.Count, reference.Rounds.Count);
        return rounds == 0 ? null : Median(Enumerable.Range(0, rounds).Select(i => scenario.Rounds[i].RequestsPerSecond / reference.Rounds[i].RequestsPerSecond));
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | req/s | p50 ms | p95 ms | p99 ms | ratio | target | result |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var s in scenarios.Where(s => s.Rounds.Count > 0))
        {
            var ratio = Ratio(s);
            var target = string.Join(", ", new[]
            {
                s.MinRatio is { } min ? $"≥ {min:0.##} × {s.Reference}" : null,
                s.MaxP95Ms is { } p95 ? $"p95 < {p95:0} ms" : null,
                s.MaxP99Ms is { } p99 ? $"p99 < {p99:0} ms" : null,
            }.Where(t => t is not null));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {Median(s.Rounds.Select(r => r.RequestsPerSecond)):0.#} | {Ms(s.Rounds.Select(r => r.P50Ms))} | {Ms(s.Rounds.Select(r => r.P95Ms))} | {Ms(s.Rounds.Select(r => r.P99Ms))} | {(ratio is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "")} | {target} | {Verdict(Pass(s))} |");
        }
        text.AppendLine();
        text.AppendLine("| figure | value | target | result |");
        text.AppendLine("|---|---:|---|---|");
        foreach (var f in figures)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Value:0.##} {f.Unit} | {(f.Max is { } max ? $"< {max:0.##} {f.Unit}" : "")} | {Verdict(Pass(f))} |");
        return text.ToString();
    }

    /// <summary>Writes the measured part of RESULTS.md; whatever follows the keep marker (analysis, micro-benchmarks) stays.</summary>
    public void Write(string path, DateTime started)
    {
        const string keep = "<!-- bench/run keeps everything below this line. -->";
        var kept = File.Exists(path) && File.ReadAllText(path) is var old && old.IndexOf(keep, StringComparison.Ordinal) is var at and >= 0
            ? old[at..]
            : keep + Environment.NewLine;
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- date: {started:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Machine.Cores} cores ({Machine.Cpu()}), {Machine.MemoryGb():0.#} GB memory");
        text.AppendLine(CultureInfo.InvariantCulture, $"- load average (1, 5, 15 min): {LoadBefore} before, {LoadAfter} after");
        text.AppendLine(CultureInfo.InvariantCulture, $"- command: `{options.CommandLine}` ({options.Rounds} rounds of {options.Duration.TotalSeconds:0} s per scenario, medians)");
        text.AppendLine();
        text.Append(Markdown());
        text.AppendLine();
        text.Append(kept);
        File.WriteAllText(path, text.ToString());
    }

    private bool? Pass(Scenario s) =>
        s.MinRatio is null && s.MaxP99Ms is null && s.MaxP95Ms is null ? null
        : (s.MaxP99Ms is not { } p99 || Median(s.Rounds.Select(r => r.P99Ms)) < p99)
          && (s.MaxP95Ms is not { } p95 || Median(s.Rounds.Select(r => r.P95Ms)) < p95)
          && (s.MinRatio is not { } min || (Ratio(s) ?? 0) >= min);

    private bool? Pass(Figure f) => f.Max is { } max ? f.Value < max : null;

    /// <summary>A median latency; blank for bare bcrypt, which has none.</summary>
    private static string Ms(IEnumerable<double> values) =>
        Median(values) is var ms && double.IsNaN(ms) ? "" : ms.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Verdict(bool? pass) => pass switch { true => "pass", false => "**FAIL**", null => "" };

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
            return double.NaN;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
