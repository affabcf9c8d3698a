using System.Globalization;
using Boilerplate.ServiceInterface.Data;
using FluentMigrator.Runner;

namespace Boilerplate.Host.Cli;

/// <summary><c>db upgrade</c>, <c>db downgrade [--to N]</c> and <c>db status</c>.</summary>
public sealed class DbCommand(IServiceProvider services, TextWriter output)
{
    public int Run(string? action, IReadOnlyDictionary<string, string> options)
    {
        DatabaseStartup.Prepare(services.GetRequiredService<DatabaseTarget>());
        using var scope = services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        switch (action)
        {
            case "upgrade":
                runner.MigrateUp();
                break;
            case "downgrade" when options.TryGetValue("to", out var to):
                if (!long.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                    throw new CommandException($"--to must be a migration number, not '{to}'.");
                runner.MigrateDown(version);
                break;
            case "downgrade":
                runner.Rollback(1);
                break;
            case "status":
                break;
            default:
                throw new CommandException("db needs one of: upgrade, downgrade, status.");
        }
        WriteStatus(scope.ServiceProvider);
        return 0;
    }

    private void WriteStatus(IServiceProvider scoped)
    {
        var versions = scoped.GetRequiredService<IVersionLoader>();
        versions.LoadVersionInfo();
        foreach (var (version, migration) in scoped.GetRequiredService<IMigrationInformationLoader>().LoadMigrations())
        {
            var state = versions.VersionInfo.HasAppliedMigration(version) ? "applied" : "pending";
            output.WriteLine($"{version,4}  {state,-8} {migration.Description}");
        }
    }
}
