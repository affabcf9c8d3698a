using Boilerplate.Host.Cli;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Data;

/// <summary>
/// The start's one-query check says a database is current only where FluentMigrator's runner
/// would find nothing to apply, on each database; anything else is left to the runner.
/// </summary>
[OnEachDatabase]
public class ShippedMigrationsTests(DatabaseKind kind)
{
    [Test]
    public void A_new_database_is_not_current()
    {
        using var database = TestDatabase.Create(kind);

        Assert.That(ShippedMigrations.AreApplied(DatabaseUrl.Parse(database.Url, Path.GetTempPath())), Is.False);
    }

    [Test]
    public async Task A_migrated_database_is_current_until_its_last_migration_is_undone()
    {
        using var factory = new ApiFactory(kind: kind);
        var database = factory.Services.GetRequiredService<DatabaseTarget>();
        Assert.That(ShippedMigrations.AreApplied(database), Is.True);

        var exitCode = await new CommandLine(() => factory.Services, () => Task.CompletedTask, new StringWriter(), new StringWriter())
            .RunAsync(["db", "downgrade", "--yes"]);

        Assert.That(exitCode, Is.Zero);
        Assert.That(ShippedMigrations.AreApplied(database), Is.False);
    }
}
