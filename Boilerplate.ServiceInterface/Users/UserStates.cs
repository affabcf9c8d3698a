using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Roles;
using LinqToDB;
using LinqToDB.Data;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>
/// The state an authenticated request is judged by, for the JWT handler and the GETs alike: from
/// <see cref="UserCache"/>, else one read of the row; through a database outage, the user as last
/// read. A singleton, on a pooled connection of its own, so the token check needs no request scope.
/// </summary>
public sealed class UserStates(DataOptions database, UserCache cache, RoleCatalog roles)
{
    private const long AskAgainAfterMs = 1000;
    private long databaseAwayUntil;

    public async Task<CachedUser> FindAsync(string publicId, CancellationToken cancel = default)
    {
        var cached = cache.Find(publicId);
        if (cached is not null && (cache.IsCurrent || Environment.TickCount64 < databaseAwayUntil))
            return cached;
        var generation = cache.Generation;
        UserRecord? user;
        try
        {
            user = await ReadAsync(database, publicId, cancel);
        }
        catch (Exception e) when (cached is not null && DatabaseErrors.IsUnavailable(e))
        {
            // No host can write a change while the database is away: the user as last read holds.
            // Not asked again for a moment, so an outage does not cost each request a failed connect.
            databaseAwayUntil = Environment.TickCount64 + AskAgainAfterMs;
            return cached;
        }
        var state = user is null ? CachedUser.Gone(publicId) : CachedUser.Of(user, roles);
        cache.Keep(state, generation);
        return state;
    }

    /// <summary>
    /// The row with this public id, or null. Plain SQL because linq2db builds the SQL of a query on
    /// a string key afresh at each call, which cost about 5 times the time and 10 times the
    /// allocations (bench/RESULTS.md).
    /// </summary>
    internal static async Task<UserRecord?> ReadAsync(DataOptions database, string publicId, CancellationToken cancel)
    {
        await using var connection = new DataConnection(database);
        var rows = await connection.QueryToListAsync<UserRecord>(
            "SELECT * FROM \"user\" WHERE public_id = @publicId", new DataParameter("publicId", publicId), cancel);
        return rows.FirstOrDefault();
    }
}
