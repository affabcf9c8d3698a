namespace Boilerplate.Host.Cli;

/// <summary>
/// The host is also its own command line, like the seed's manage.py:
/// <c>run</c> (default), <c>db upgrade|downgrade [--to N]|status</c>, <c>create-admin --email E --username U</c>.
/// </summary>
public sealed class CommandLine(IServiceProvider services, Func<Task> serve, TextWriter? output = null, TextWriter? error = null, Func<string, string?>? readSecret = null)
{
    public const string Usage = """
        usage: Boilerplate.Host [command]
          run                                        serve the API (the default)
          db upgrade                                 apply every pending migration
          db downgrade [--to N]                      undo the last migration, or all after version N
          db status                                  list migrations and whether each is applied
          create-admin --email E --username U        create an admin; the password comes from
                                                     BOILERPLATE_ADMIN_PASSWORD or a hidden prompt
        """;

    private readonly TextWriter output = output ?? Console.Out;
    private readonly TextWriter error = error ?? Console.Error;
    private readonly Func<string, string?> readSecret = readSecret ?? SecretPrompt.Read;

    public async Task<int> RunAsync(string[] args)
    {
        var (words, options) = Parse(args);
        var command = words.FirstOrDefault() ?? "run";
        try
        {
            switch (command)
            {
                case "run":
                    await serve();
                    return 0;
                case "db":
                    return new DbCommand(services, output).Run(words.ElementAtOrDefault(1), options);
                case "create-admin":
                    return await new CreateAdminCommand(services, output).RunAsync(
                        options.GetValueOrDefault("email"), options.GetValueOrDefault("username"),
                        readSecret("Admin password: "));
                case "help" or "--help":
                    await output.WriteLineAsync(Usage);
                    return 0;
                default:
                    throw new CommandException($"unknown command '{command}'.");
            }
        }
        catch (CommandException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            await error.WriteLineAsync(Usage);
            return 2;
        }
    }

    /// <summary>
    /// Splits the arguments into bare words (the command) and "--name value" options. Host
    /// settings such as "--urls http://…" or "--environment=Test" may stand anywhere.
    /// </summary>
    private static (List<string> Words, Dictionary<string, string> Options) Parse(string[] args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--help" || !arg.StartsWith("--", StringComparison.Ordinal))
                words.Add(arg);
            else if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                options[arg[2..]] = args[++i];
        }
        return (words, options);
    }
}

/// <summary>A command used wrongly: reported with the usage, exit code 2.</summary>
public sealed class CommandException(string message) : Exception(message);

public static class SecretPrompt
{
    public const string PasswordVariable = "BOILERPLATE_ADMIN_PASSWORD";

    /// <summary>The password from its environment variable, else typed at a prompt without echo.</summary>
    public static string? Read(string prompt)
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        if (Console.IsInputRedirected)
            return Console.ReadLine();

        Console.Write(prompt);
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.WriteLine();
        return typed.ToString();
    }
}
