using Boilerplate.ServiceInterface.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Boilerplate.Bench.Runner;

/// <summary>
/// Loads many accounts into a migrated database quickly: one password hash for all (no bcrypt per
/// account), one transaction, the fastest bulk path each database has (a prepared insert on
/// SQLite, binary COPY on PostgreSQL). The table's triggers still fire for every row, so the
/// user list's counts and search index come out as registrations would leave them.
/// </summary>
public static class AccountSeeder
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ra", "sen", "to", "vi", "na", "bel", "dor", "fi", "gan", "ho", "jo", "lu", "mar", "pe", "ri", "sa", "tel"];
    private static readonly string[] Domains = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "example.com", "acme.io", "mail.de", "fabrikam.net"];

    /// <summary>
    /// Accounts that look like people's: a first name (400 of them) and a surname (8,000) made of
    /// syllables, numbered so each is unique, on a handful of mail domains. Account 0 is an admin.
    /// </summary>
    public static List<SeededAccount> Generate(int count)
    {
        var random = new Random(27);
        var accounts = new List<SeededAccount>(count);
        for (var i = 0; i < count; i++)
        {
            var first = Name(random, 2);
            var surname = Name(random, 3);
            accounts.Add(new SeededAccount(Guid.NewGuid().ToString(), $"{first}.{surname}{i}@{Domains[random.Next(Domains.Length)]}",
                $"{char.ToUpperInvariant(first[0])}{first[1..]}{char.ToUpperInvariant(surname[0])}{surname[1..]}{i}", surname, i == 0));
        }
        return accounts;
    }

    public static async Task LoadAsync(DatabaseTarget database, IReadOnlyList<SeededAccount> accounts, string passwordHash)
    {
        var now = DateTime.UtcNow;
        if (database.IsPostgreSql)
        {
            // The copy's end waits while the triggers index a million rows: longer than any command's default timeout.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
            await connection.OpenAsync();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY \"user\" (public_id, email, username, password_hash, admin, registered_on) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var account in accounts)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(account.PublicId, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(account.Email, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(account.Username, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(passwordHash, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(account.Admin, NpgsqlDbType.Boolean);
                    // The column is a timestamp without zone that holds UTC, as the app writes it.
                    await copy.WriteAsync(DateTime.SpecifyKind(now, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
                }
                await copy.CompleteAsync();
            }
            // What a bulk load is followed by, before autovacuum would get to it: the planner's
            // statistics, and the visibility map that lets an index answer without the table.
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE \"user\", user_blocks, user_search", connection);
            await vacuum.ExecuteNonQueryAsync();
            return;
        }

        await using var sqlite = new SqliteConnection(database.ConnectionString);
        await sqlite.OpenAsync();
        await using (var pragmas = sqlite.CreateCommand())
        {
            // A bench database: nothing to lose if the machine stops mid-load, and the indexes fit in memory.
            pragmas.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;";
            await pragmas.ExecuteNonQueryAsync();
        }
        await using var transaction = sqlite.BeginTransaction();
        await using var insert = sqlite.CreateCommand();
        insert.CommandText = "INSERT INTO \"user\" (public_id, email, username, password_hash, admin, registered_on) VALUES ($p, $e, $u, $h, $a, $r)";
        var (publicId, email, username) = (insert.Parameters.Add("$p", SqliteType.Text), insert.Parameters.Add("$e", SqliteType.Text), insert.Parameters.Add("$u", SqliteType.Text));
        var admin = insert.Parameters.Add("$a", SqliteType.Integer);
        insert.Parameters.AddWithValue("$h", passwordHash);
        insert.Parameters.AddWithValue("$r", now);
        insert.Prepare();
        foreach (var account in accounts)
        {
            (publicId.Value, email.Value, username.Value, admin.Value) = (account.PublicId, account.Email, account.Username, account.Admin);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await using var wal = sqlite.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        await wal.ExecuteNonQueryAsync();
    }

    private static string Name(Random random, int syllables) =>
        string.Concat(Enumerable.Range(0, syllables).Select(_ => Syllables[random.Next(Syllables.Length)]));
}

/// <summary>An account as seeded: what a token, a sign-in and a search need of it.</summary>
public sealed record SeededAccount(string PublicId, string Email, string Username, string Surname, bool Admin)
{
    public UserRecord ToRecord() => new() { PublicId = PublicId, Email = Email, Username = Username, Admin = Admin };

    /// <summary>What an admin types to find this one person: the part of the address before the domain.</summary>
    public string Person => Email[..Email.IndexOf('@', StringComparison.Ordinal)];
}
