using Boilerplate.ServiceInterface.Data;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors;

namespace Boilerplate.Host.Cli;

/// <summary>
/// <c>db upgrade</c>, <c>db downgrade [--to N] [--yes]</c> and <c>db status</c>. A downgrade that
/// drops tables or columns, and the data in them, says what goes and asks first; with no terminal
/// to ask, it goes on only with <c>--yes</c>.
/// </summary>
public sealed class DbCommand(IServiceProvider services, TextWriter output, Func<string, string?> ask)
{
    public void Upgrade() => WithRunner((runner, _) => runner.MigrateUp());

    public void Status() => WithRunner((_, _) => { });

    /// <param name="to">Undo every migration after this version; null undoes the last one.</param>
    /// <exception cref="CommandException">An unknown version, or data to drop and no one to say yes.</exception>
    public void Downgrade(long? to, bool yes) => WithRunner((runner, provider) =>
    {
        var migrations = provider.GetRequiredService<IMigrationInformationLoader>().LoadMigrations();
        var versions = provider.GetRequiredService<IVersionLoader>();
        versions.LoadVersionInfo();
        if (to is { } target && target != 0 && !migrations.ContainsKey(target))
            throw new CommandException($"--to must be 0 or a migration number ({string.Join(", ", migrations.Keys)}), not {target}.");

        var applied = versions.VersionInfo.AppliedMigrations().OrderDescending().ToList();
        var undone = to is { } after ? applied.Where(v => v > after).ToList() : applied.Take(1).ToList();
        if (undone.Count == 0)
        {
            output.WriteLine("Nothing to undo.");
            return;
        }

        var dropped = Describe(undone.SelectMany(v => Dropped(migrations[v].Migration, provider)));
        if (dropped.Count > 0 && !yes)
            Confirm(undone, dropped);
        if (to is { } version)
            runner.MigrateDown(version);
        else
            runner.Rollback(1);
    });

    private void Confirm(List<long> undone, List<string> dropped)
    {
        var what = $"undoing migration {string.Join(", ", undone)} drops {string.Join(", ", dropped)}, and the data in them";
        var answer = ask($"{char.ToUpperInvariant(what[0])}{what[1..]}. Type 'yes' to go on: ");
        if (answer is null)
            throw new CommandException($"{what}: there is no terminal to ask, so pass --yes to go on.");
        if (!answer.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase))
            throw new CommandException("nothing was undone.");
    }

    /// <summary>The tables, and the columns of tables that stay, a migration's Down drops: read off the expressions it would run.</summary>
    private static IEnumerable<(string Table, string? Column)> Dropped(IMigration migration, IServiceProvider provider)
    {
        var context = new MigrationContext(provider.GetRequiredService<IProcessorAccessor>().Processor, provider, connection: "");
        migration.GetDownExpressions(context);
        foreach (var expression in context.Expressions)
        {
            if (expression is DeleteTableExpression table)
                yield return (table.TableName, null);
            else if (expression is DeleteColumnExpression columns)
            {
                foreach (var column in columns.ColumnNames)
                    yield return (columns.TableName, column);
            }
        }
    }

    /// <summary>"the table refresh_tokens", "the columns security_stamp, locked of user": a table that goes takes its columns with it.</summary>
    private static List<string> Describe(IEnumerable<(string Table, string? Column)> dropped)
    {
        var all = dropped.ToList();
        var tables = all.Where(d => d.Column is null).Select(d => d.Table).ToHashSet();
        var columns = all.Where(d => d.Column is not null && !tables.Contains(d.Table))
            .GroupBy(d => d.Table)
            .Select(g => g.Count() == 1 ? $"the column {g.First().Column} of {g.Key}" : $"the columns {string.Join(", ", g.Select(d => d.Column))} of {g.Key}");
        return [.. columns, .. tables.Select(t => $"the table {t}")];
    }

    private void WithRunner(Action<IMigrationRunner, IServiceProvider> act)
    {
        DatabaseStartup.Prepare(services.GetRequiredService<DatabaseTarget>());
        using var scope = services.CreateScope();
        act(scope.ServiceProvider.GetRequiredService<IMigrationRunner>(), scope.ServiceProvider);
        WriteStatus(scope.ServiceProvider);
    }

    private void WriteStatus(IServiceProvider provider)
    {
        var versions = provider.GetRequiredService<IVersionLoader>();
        versions.LoadVersionInfo();
        foreach (var (version, migration) in provider.GetRequiredService<IMigrationInformationLoader>().LoadMigrations())
        {
            var state = versions.VersionInfo.HasAppliedMigration(version) ? "applied" : "pending";
            output.WriteLine($"{version,4}  {state,-8} {migration.Description}");
        }
    }
}
