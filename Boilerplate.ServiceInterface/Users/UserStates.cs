using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Data;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>
/// The state an authenticated request is judged by, for the JWT handler and the GETs alike: from
/// <see cref="UserCache"/>, else one read of the row. A singleton, on a pooled connection of its
/// own, so the token check needs no request scope.
/// </summary>
public sealed class UserStates(DataOptions database, UserCache cache)
{
    public async Task<CachedUser> FindAsync(string publicId, CancellationToken cancel = default)
    {
        if (cache.Find(publicId) is { } cached)
            return cached;
        var generation = cache.Generation;
        var user = await ReadAsync(database, publicId, cancel);
        var state = user is null ? CachedUser.Gone(publicId) : CachedUser.Of(user);
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
