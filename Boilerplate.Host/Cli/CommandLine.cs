using System.CommandLine;
using System.CommandLine.Help;

namespace Boilerplate.Host.Cli;

/// <summary>
/// The host is also its own command line, like the seed's manage.py: <c>run</c> (the default),
/// <c>db upgrade|downgrade|status</c>, <c>create-admin</c>, <c>keys list|rotate|revoke</c>, and <c>probe</c> for a container's
/// health check. The command is read before the host is built, so <c>--help</c> and usage errors
/// need no settings; a usage error is one line and the command's usage, exit code 2.
/// </summary>
public sealed class CommandLine(
    Func<IServiceProvider> services, Func<Task> serve,
    TextWriter? output = null, TextWriter? error = null,
    Func<string, string?>? readSecret = null, Func<string, string?>? ask = null)
{
    public const string Name = "Boilerplate.Host";

    /// <summary>Every option name of every command, without dashes: what the host must leave to the commands.</summary>
    public static IReadOnlySet<string> OptionNames { get; } = NamesOf(new CommandLine(() => null!, () => Task.CompletedTask).Commands());

    private readonly TextWriter output = output ?? Console.Out;
    private readonly TextWriter error = error ?? Console.Error;

    public async Task<int> RunAsync(string[] args)
    {
        var parse = Commands().Parse(HostArguments.Split(args, OptionNames).Command);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {parse.Errors[0].Message}");
            await error.WriteLineAsync(Usage(parse.CommandResult.Command, PathOf(parse)));
            return 2;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CommandException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
    }

    private RootCommand Commands()
    {
        var root = new RootCommand(
            "SsBoilerplate, the user-and-auth web service. With no command it serves the API. ASP.NET Core's "
            + "--urls, --environment and --Section:Key=value settings may stand anywhere on the line.");
        root.SetAction(async _ => { await serve(); return 0; });

        var run = new Command("run", "Serve the API (the default).");
        run.SetAction(async _ => { await serve(); return 0; });
        root.Subcommands.Add(run);
        root.Subcommands.Add(Db());
        root.Subcommands.Add(CreateAdmin());
        root.Subcommands.Add(Keys());
        root.Subcommands.Add(Probe());
        return root;
    }

    private Command Db()
    {
        var db = new Command("db", "The database's migrations.");
        Func<string, string?> askAtTerminal = ask ?? Prompts.Ask;

        var upgrade = new Command("upgrade", "Apply every pending migration, then list them all.");
        upgrade.SetAction(_ => { new DbCommand(services(), output, askAtTerminal).Upgrade(); return 0; });

        var to = new Option<long?>("--to") { Description = "Undo every migration after this one; 0 undoes them all.", HelpName = "N" };
        var yes = new Option<bool>("--yes") { Description = "Drop tables and columns without asking (there is no terminal to ask in a script)." };
        var downgrade = new Command("downgrade", "Undo the last migration, or every one after --to N. Asks before dropping data.") { to, yes };
        downgrade.SetAction(parse => { new DbCommand(services(), output, askAtTerminal).Downgrade(parse.GetValue(to), parse.GetValue(yes)); return 0; });

        var status = new Command("status", "List the migrations and whether each is applied.");
        status.SetAction(_ => { new DbCommand(services(), output, askAtTerminal).Status(); return 0; });

        db.Subcommands.Add(upgrade);
        db.Subcommands.Add(downgrade);
        db.Subcommands.Add(status);
        return db;
    }

    private Command CreateAdmin()
    {
        var email = new Option<string>("--email") { Description = "The admin's email address.", Required = true, HelpName = "email" };
        var username = new Option<string>("--username") { Description = "The admin's username.", Required = true, HelpName = "username" };
        var command = new Command("create-admin",
            $"Create an admin, which registration never makes. The password comes from {Prompts.PasswordVariable} or a prompt that does not echo.")
        {
            email, username,
        };
        command.SetAction(async parse =>
        {
            var password = (readSecret ?? Prompts.ReadSecret)("Admin password: ");
            await new CreateAdminCommand(services(), output).RunAsync(parse.GetValue(email)!, parse.GetValue(username)!, password);
            return 0;
        });
        return command;
    }

    private Command Keys()
    {
        var keys = new Command("keys", "The keys access tokens are signed with (ES256 or RS256), shared by every host.");

        var list = new Command("list", "List every key, newest first, with what it does now.");
        list.SetAction(async _ => { await new KeysCommand(services(), output).ListAsync(); return 0; });

        var now = new Option<bool>("--now") { Description = "Sign with the new key at once, not after Auth:SigningKeyActivationDelay." };
        var rotate = new Command("rotate", "Make a new key, published at once and signing after the activation delay; no one is signed out.") { now };
        rotate.SetAction(async parse => { await new KeysCommand(services(), output).RotateAsync(parse.GetValue(now)); return 0; });

        var kid = new Argument<string>("kid") { Description = "The key's id, as keys list shows it." };
        var revoke = new Command("revoke", "Refuse a key's tokens on every host within a second; a fresh key takes over if it was signing.") { kid };
        revoke.SetAction(async parse => { await new KeysCommand(services(), output).RevokeAsync(parse.GetValue(kid)!); return 0; });

        keys.Subcommands.Add(list);
        keys.Subcommands.Add(rotate);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    private Command Probe()
    {
        var url = new Argument<string>("url") { Description = "The address to ask, e.g. http://localhost:8080/health/live." };
        var command = new Command("probe", "Exit 0 when the URL answers 2xx within 5 s: a container's health check. Reads no settings.") { url };
        command.SetAction(async parse => Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address)
            ? await ProbeCommand.RunAsync(address, error)
            : throw new CommandException($"'{parse.GetValue(url)}' is not an absolute URL."));
        return command;
    }

    private static HashSet<string> NamesOf(Command command)
    {
        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Select(n => n.TrimStart('-')).ToHashSet(StringComparer.Ordinal);
        foreach (var subcommand in command.Subcommands)
            names.UnionWith(NamesOf(subcommand));
        return names;
    }

    /// <summary>The command's names from the root, e.g. ["db", "downgrade"].</summary>
    private static List<string> PathOf(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }

    /// <summary>One usage line of the command and a pointer to its help, e.g. <c>usage: Boilerplate.Host db downgrade [--to N] [--yes]</c>.</summary>
    private static string Usage(Command command, List<string> path)
    {
        var parts = new List<string> { Name };
        parts.AddRange(path);
        if (command.Subcommands.Count > 0)
            parts.Add(path.Count == 0 ? $"[{string.Join('|', command.Subcommands.Select(c => c.Name))}]" : $"<{string.Join('|', command.Subcommands.Select(c => c.Name))}>");
        parts.AddRange(command.Arguments.Select(a => $"<{a.Name}>"));
        foreach (var option in command.Options.Where(o => o is not HelpOption and not VersionOption))
        {
            var text = option.ValueType == typeof(bool) ? option.Name : $"{option.Name} {option.HelpName ?? "value"}";
            parts.Add(option.Required ? text : $"[{text}]");
        }
        var help = string.Join(' ', path.Prepend(Name).Append("--help"));
        return $"usage: {string.Join(' ', parts)}\nSee '{help}'.";
    }
}

/// <summary>A command given wrong input, e.g. a weak password: one line, exit code 2.</summary>
public sealed class CommandException(string message) : Exception(message);
