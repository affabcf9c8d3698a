using System.Globalization;
using System.Text.RegularExpressions;

namespace Boilerplate.Tests.Support;

/// <summary>A /metrics page as Prometheus reads it.</summary>
public static partial class Scrape
{
    /// <summary>The value of one series of a metric, e.g. a counter with one tag set to one value.</summary>
    public static double Value(string scrape, string metric, string? tag = null, string? tagValue = null)
    {
        var series = scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => tag is null || line.Contains($"{tag}=\"{tagValue}\"", StringComparison.Ordinal))
            .ToList();
        Assert.That(series, Has.Count.EqualTo(1), $"one series of {metric} {tag}={tagValue} in:\n{scrape}");
        return double.Parse(SeriesValue().Match(series[0]).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\s(\S+)(\s\d+)?\s*$")]
    private static partial Regex SeriesValue();
}
