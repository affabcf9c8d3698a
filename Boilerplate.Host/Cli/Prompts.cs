namespace Boilerplate.Host.Cli;

/// <summary>What the command line asks a person at a terminal; with no terminal there is no one to ask.</summary>
public static class Prompts
{
    public const string PasswordVariable = "BOILERPLATE_ADMIN_PASSWORD";

    /// <summary>The password from its environment variable, else typed at a prompt without echo.</summary>
    public static string? ReadSecret(string prompt)
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

    /// <summary>The answer typed at a terminal, or null when the input is not one (a pipe, a job, CI).</summary>
    public static string? Ask(string question)
    {
        if (Console.IsInputRedirected)
            return null;
        Console.Write(question);
        return Console.ReadLine();
    }
}
