
namespace Boilerplate.Bench.Runner;

/// <summary>bench/run's arguments. --quick is the CI smoke: every scenario once, briefly, no targets enforced.</summary>
public sealed record RunOptions(bool Quick, string? Postgres, int Rounds, TimeSpan Duration, string CommandLine)
{
    public static RunOptions Parse(string[] args)
    {
        var quick = false;
        string? postgres = null;
        int? rounds = null;
        TimeSpan? duration = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--postgres": postgres = Value(args, ref i); break;
                case "--rounds": rounds = int.Parse(Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--duration": duration = TimeSpan.FromSeconds(double.Parse(Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"unknown argument '{args[i]}': use --quick, --postgres CONNECTION, --rounds N, --duration SECONDS");
            }
        }
        var shown = string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Contains(';', StringComparison.Ordinal) ? $"\"{RedactPassword(a)}\"" : a));
        return new RunOptions(quick, postgres, rounds ?? (quick ? 1 : 3), duration ?? TimeSpan.FromSeconds(quick ? 1 : 10),
            $"bench/run {shown}".TrimEnd());
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    /// <summary>The command goes into RESULTS.md; a database password must not.</summary>
    private static string RedactPassword(string arg) =>
        System.Text.RegularExpressions.Regex.Replace(arg, "(?i)(password=)[^;]*", "$1***");
}
