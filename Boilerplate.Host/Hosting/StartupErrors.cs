using Boilerplate.ServiceInterface;
using Boilerplate.ServiceInterface.Data;

namespace Boilerplate.Host.Hosting;

/// <summary>
/// Every reason the service cannot start, said in one line each on stderr, with no stack trace
/// anywhere: the generic host's own "Hosting failed to start" error, which carries one, is held
/// back until the host has started (<see cref="Started"/>), since Program says it better.
/// </summary>
public static class StartupErrors
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private static volatile bool started;

    /// <remarks>
    /// A rule for exactly this category, so no broader one from the configuration outranks it;
    /// it keeps the category at Information, as the shipped settings have it.
    /// </remarks>
    public static WebApplicationBuilder QuietUntilStarted(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (started || level < LogLevel.Error));
        return builder;
    }

    /// <summary>From here on the host's errors are runtime errors, and logged as they come.</summary>
    public static void Started() => started = true;

    /// <summary>The lines to print for an exception that stopped the start.</summary>
    public static IEnumerable<string> Describe(Exception error) => error switch
    {
        StartupException e => e.Message.Split('\n'),
        // A command's settings are checked as it reads them (Program.cs).
        Microsoft.Extensions.Options.OptionsValidationException e => e.Failures,
        _ when DatabaseErrors.IsUnavailable(error) => [$"the database cannot be reached: {OneLine(error.Message)}"],
        IOException { InnerException: { } bind } when bind.GetType().Name == "AddressInUseException" => [OneLine(error.Message)],
        _ => [$"{error.GetType().Name}: {OneLine(error.Message)}"],
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
