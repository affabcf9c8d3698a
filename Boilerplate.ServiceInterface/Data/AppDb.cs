using LinqToDB;
using LinqToDB.Data;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// The app's tables; scoped to a request. A DataContext rather than a DataConnection: it takes a
/// pooled connection for each query and gives it straight back, so a request waiting on bcrypt or
/// on the client holds none, and a few connections per host serve many requests.
/// </summary>
public class AppDb(DataOptions options) : DataContext(options)
{
    public ITable<UserRecord> Users => this.GetTable<UserRecord>();
    public ITable<RevokedTokenRecord> RevokedTokens => this.GetTable<RevokedTokenRecord>();
    public ITable<RefreshTokenRecord> RefreshTokens => this.GetTable<RefreshTokenRecord>();

    /// <summary>
    /// The user with this public id, or null: the one read of every authenticated GET. Plain SQL
    /// because linq2db builds the SQL of a query on a string key afresh at each call, which cost
    /// about 5 times the time and 10 times the allocations (bench/RESULTS.md).
    /// </summary>
    public async Task<UserRecord?> UserByPublicIdAsync(string publicId, CancellationToken cancel = default)
    {
        // A connection of its own for the one query, from the same pool, as DataContext does for each of its own.
        await using var connection = new DataConnection(Options);
        var rows = await connection.QueryToListAsync<UserRecord>(
            "SELECT * FROM \"user\" WHERE public_id = @publicId", new DataParameter("publicId", publicId), cancel);
        return rows.FirstOrDefault();
    }
}
