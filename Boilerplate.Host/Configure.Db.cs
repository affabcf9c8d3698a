using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Data.Migrations;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host;

/// <summary>linq2db on SQLite or PostgreSQL as the database URL says, FluentMigrator, and the migration policy at start.</summary>
public static class ConfigureDb
{
    private const string PostgresProcessorId = "PostgreSQL11_0";

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

        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        return builder;
    }
}
