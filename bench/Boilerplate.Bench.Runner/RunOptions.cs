
namespace Boilerplate.Bench.Runner;

/// <summary>
/// bench/run's arguments. --quick is the CI smoke: every scenario once, briefly, no targets
/// enforced. --host-env NAME=VALUE sets a variable for the app's hosts alone (not the baseline),
/// to measure a runtime setting such as DOTNET_gcServer=0 against the same baseline.
/// </summary>
public sealed record RunOptions(bool Quick, string? Postgres, int Rounds, TimeSpan Duration, string CommandLine, IReadOnlyDictionary<string, string> HostEnvironment)
{
    public static RunOptions Parse(string[] args)
    {
        var quick = false;
        string? postgres = null;
        int? rounds = null;
        TimeSpan? duration = null;
        var hostEnvironment = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--postgres": postgres = Value(args, ref i); break;
                case "--rounds": rounds = int.Parse(Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--duration": duration = TimeSpan.FromSeconds(double.Parse(Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--host-env":
                    var setting = Value(args, ref i).Split('=', 2);
                    hostEnvironment[setting[0]] = setting.Length == 2 ? setting[1] : throw new ArgumentException("--host-env takes NAME=VALUE");
                    break;
                default: throw new ArgumentException($"unknown argument '{args[i]}': use --quick, --postgres CONNECTION, --rounds N, --duration SECONDS, --host-env NAME=VALUE");
            }
        }
        var shown = string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Contains(';', StringComparison.Ordinal) ? $"\"{RedactPassword(a)}\"" : a));
        return new RunOptions(quick, postgres, rounds ?? (quick ? 1 : 3), duration ?? TimeSpan.FromSeconds(quick ? 1 : 10),
            $"bench/run {shown}".TrimEnd(), hostEnvironment);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    /// <summary>The command goes into RESULTS.md; a database password must not.</summary>
    private static string RedactPassword(string arg) =>
        System.Text.RegularExpressions.Regex.Replace(arg, "(?i)(password=)[^;]*", "$1***");
}
