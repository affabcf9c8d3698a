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
    public ValueTask<CachedUser> FindAsync(string publicId, CancellationToken cancel = default) =>
        cache.ReadThroughAsync(publicId, this, static (self, id, c) => self.ReadStateAsync(id, c), cancel)!;

    private async Task<CachedUser?> ReadStateAsync(string publicId, CancellationToken cancel) =>
        await ReadAsync(database, publicId, cancel) is { } user ? CachedUser.Of(user, roles) : CachedUser.Gone(publicId);

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
