using System.Globalization;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Data.Migrations;
using LinqToDB.Async;
using LinqToDB.Data;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>
/// The admins' user list, oldest first, a page at a time with its exact total, and its search;
/// each page as quick at a million accounts as at ten, on the structures migration 14 keeps: the
/// users per block of ids for the pages and the total, a trigram index for the search (on a narrow
/// table of its own on PostgreSQL, migration 20). Plain SQL, since both speak each database's own
/// dialect. Scoped to a request, like the store.
/// </summary>
public sealed class UserList(AppDb db, DatabaseTarget database)
{
    /// <summary>A search is a substring of at least this many characters: trigram indexes find nothing shorter.</summary>
    public const int MinSearchLength = 3;

    // Only the columns a User shows: at a hundred rows a page, each column read is felt.
    private const string ShownColumns = "id, public_id, email, username, admin, registered_on, locked, email_verified, mfa_enabled, roles, permissions";

    public async Task<(List<UserRecord> Page, int Total)> FindAsync(string? search, int page, int perPage, CancellationToken cancel = default)
    {
        var offset = (long)(page - 1) * perPage;
        if (search?.Trim() is not { Length: > 0 } term)
            return (await PageAsync(offset, perPage, cancel), await CountAsync(cancel));

        // The index is asked once: the ids of every match, in order, are the total and the page both.
        var ids = await db.QueryToListAsync<long>(database.IsPostgreSql
            // Each user's email and lower-cased username, in the narrow table migration 20 keeps.
            ? "SELECT id FROM user_search WHERE terms LIKE @term ORDER BY id"
            : "SELECT rowid FROM user_search WHERE user_search MATCH @term ORDER BY rowid", cancel, Term(term));
        var onPage = ids.Skip((int)Math.Min(offset, ids.Count)).Take(perPage).ToList();
        var users = onPage.Count == 0 ? [] : await db.QueryToListAsync<UserRecord>(
            $"SELECT {ShownColumns} FROM \"user\" WHERE id IN ({string.Join(", ", onPage.Select(id => id.ToString(CultureInfo.InvariantCulture)))}) ORDER BY id", cancel);
        return (users, ids.Count);
    }

    private async Task<List<UserRecord>> PageAsync(long offset, int perPage, CancellationToken cancel)
    {
        // The block the page starts in, and how many of its users come before the page.
        var start = await db.QueryToListAsync(reader => (Block: reader.GetInt64(0), Skip: reader.GetInt64(1)), """
            SELECT block, CAST(@offset - (running - users) AS bigint) FROM (
                SELECT block, users, sum(users) OVER (ORDER BY block) AS running FROM user_blocks) b
            WHERE running > @offset ORDER BY block LIMIT 1
            """, cancel, new DataParameter("offset", offset));
        if (start.Count == 0)
            return [];
        return await db.QueryToListAsync<UserRecord>($"""
            SELECT {ShownColumns} FROM "user" WHERE id >= @from ORDER BY id LIMIT @take OFFSET @skip
            """, cancel,
            new DataParameter("from", start[0].Block * M014_IndexTheUserList.BlockSize),
            new DataParameter("take", perPage), new DataParameter("skip", start[0].Skip));
    }

    private async Task<int> CountAsync(CancellationToken cancel) =>
        (int)await db.ExecuteAsync<long>("SELECT CAST(coalesce(sum(users), 0) AS bigint) FROM user_blocks", cancel);

    /// <summary>The term as each index is asked for it, every character meant literally.</summary>
    private DataParameter Term(string term) => new("term", database.IsPostgreSql
        ? "%" + term.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%"
        // One FTS5 phrase: its trigrams in a row, which is the substring, in any casing.
        : "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
}
