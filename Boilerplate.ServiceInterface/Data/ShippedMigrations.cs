using System.Data.Common;
using System.Reflection;
using FluentMigrator;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// The migrations this build ships, and whether a database has them all, read from FluentMigrator's
/// own <c>VersionInfo</c> table in one query: FluentMigrator's runner asks the same question, but
/// setting it up cost every start a tenth of a second, so it is set up only for a database this
/// cannot show to be current.
/// </summary>
public static class ShippedMigrations
{
    public static IReadOnlySet<long> Versions { get; } = typeof(ShippedMigrations).Assembly.GetTypes()
        .Where(type => type.IsAssignableTo(typeof(IMigration)))
        .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Version)
        .OfType<long>()
        .ToHashSet();

    public static long Newest { get; } = Versions.Max();

    /// <summary>
    /// True when every shipped migration is recorded as applied. False when one is not, and also
    /// when the table cannot be read (a new database has none): the runner, which knows its own
    /// table's every state, then has the last word.
    /// </summary>
    public static bool AreApplied(DatabaseTarget database)
    {
        using var connection = Connect(database);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Version\" FROM \"VersionInfo\"";
        var applied = new HashSet<long>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
                applied.Add(reader.GetInt64(0));
        }
        catch (DbException)
        {
            return false;
        }
        return applied.IsSupersetOf(Versions);
    }

    private static DbConnection Connect(DatabaseTarget database) => database.IsPostgreSql
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(database.ConnectionString);
}
