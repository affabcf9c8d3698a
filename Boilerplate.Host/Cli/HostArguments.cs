namespace Boilerplate.Host.Cli;

/// <summary>
/// The arguments ASP.NET Core's host reads, told apart from the command line's own. The host's
/// are any <c>--name=value</c> whose name is not an option of a command (a configuration
/// override such as <c>--Database:Url=…</c>, or <c>--environment=Test</c>), and <c>--urls</c>,
/// <c>--environment</c>, <c>--contentRoot</c>, <c>--applicationName</c> or <c>--Section:Key</c>
/// followed by its value. They may stand anywhere.
/// </summary>
public static class HostArguments
{
    private static readonly string[] HostSettings = ["urls", "environment", "contentRoot", "applicationName"];

    /// <param name="commandOptions">The commands' own option names, without dashes.</param>
    public static (string[] Host, string[] Command) Split(IReadOnlyList<string> args, IReadOnlySet<string> commandOptions)
    {
        var host = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, hasValue) = arg.StartsWith("--", StringComparison.Ordinal)
                ? (arg[2..].Split('=', 2)[0], arg.Contains('=', StringComparison.Ordinal))
                : ("", false);
            if (hasValue && !commandOptions.Contains(name))
            {
                host.Add(arg);
            }
            else if (!hasValue && name.Length > 0 && (name.Contains(':', StringComparison.Ordinal) || HostSettings.Contains(name, StringComparer.OrdinalIgnoreCase)))
            {
                host.Add(arg);
                if (i + 1 < args.Count)
                    host.Add(args[++i]);
            }
            else
            {
                command.Add(arg);
            }
        }
        return ([.. host], [.. command]);
    }
}
