using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// The migration policy: before the first request the database is prepared and, where
/// <see cref="DatabaseSettings.MigrateOnStart"/> says so, migrated; elsewhere (production by
/// default) the service refuses to serve an out-of-date schema.
/// </summary>
public sealed partial class DatabaseStartup(IServiceProvider services, ILogger<DatabaseStartup> log) : IHostedService
{
    private bool current;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureCurrent();
        LogMigrated();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Once: the command line checks before the host starts, so a refusal is one line, not a host
    /// fault, and the host's own start, which a test's in-process host runs alone, then finds it done.
    /// </summary>
    /// <exception cref="StartupException">Migrations are pending and not to be applied here.</exception>
    public void EnsureCurrent()
    {
        if (current)
            return;
        var database = services.GetRequiredService<DatabaseTarget>();
        Prepare(database);
        if (!ShippedMigrations.AreApplied(database))
            Migrate();
        current = true;
    }

    private void Migrate()
    {
        using var scope = services.CreateScope();
        var migrations = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        if (services.GetRequiredService<IOptions<DatabaseSettings>>().Value.MigrateOnStart)
            migrations.MigrateUp();
        else if (migrations.HasMigrationsToApplyUp())
            throw new StartupException("the database has pending migrations: run 'db upgrade' (or set Database:MigrateOnStart).");
    }

    /// <summary>Creates a SQLite file's folder and turns on write-ahead logging, so readers never wait for a writer.</summary>
    public static void Prepare(DatabaseTarget database)
    {
        if (database.IsPostgreSql)
            return;
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    [LoggerMessage(LogLevel.Information, "Database migrations are current")]
    private partial void LogMigrated();
}
