using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Data.Migrations;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host;

public static class ConfigureDb
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => DatabaseUrl.Parse(
            sp.GetRequiredService<IOptions<DatabaseSettings>>().Value.Url,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => sp.GetRequiredService<DatabaseTarget>().ToDataOptions());
        services.AddScoped<AppDb>();

        services.AddFluentMigratorCore()
            .ConfigureRunner(runner => runner.AddSQLite().AddPostgres11_0().ScanIn(typeof(M001_InitialDatabaseMigration).Assembly).For.Migrations());
        services.AddOptions<ProcessorOptions>()
            .Configure<DatabaseTarget>((options, database) => options.ConnectionString = database.ConnectionString);
        services.AddOptions<SelectingProcessorAccessorOptions>()
            .Configure<DatabaseTarget>((options, database) => options.ProcessorId = database.IsPostgreSql ? PostgresProcessorId : "SQLite");

        services.AddHostedService<DatabaseStartup>();
        return builder;
    }

    private const string PostgresProcessorId = "PostgreSQL11_0";

    /// <summary>Creates a SQLite file's folder and turns on write-ahead logging, so readers never wait for a writer.</summary>
    public static void Prepare(this DatabaseTarget database)
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
}

/// <summary>
/// Prepares the database before the first request and applies migrations where configured;
/// elsewhere (production by default) it refuses to serve an out-of-date schema.
/// </summary>
public sealed partial class DatabaseStartup(IServiceProvider services, ILogger<DatabaseStartup> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureCurrent(services);
        LogMigrated();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <exception cref="StartupException">Migrations are pending and not to be applied here.</exception>
    public static void EnsureCurrent(IServiceProvider services)
    {
        services.GetRequiredService<DatabaseTarget>().Prepare();
        using var scope = services.CreateScope();
        var migrations = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        if (services.GetRequiredService<IOptions<DatabaseSettings>>().Value.MigrateOnStart)
            migrations.MigrateUp();
        else if (migrations.HasMigrationsToApplyUp())
            throw new StartupException("the database has pending migrations: run 'db upgrade' (or set Database:MigrateOnStart).");
    }

    [LoggerMessage(LogLevel.Information, "Database migrations are current")]
    private partial void LogMigrated();
}
