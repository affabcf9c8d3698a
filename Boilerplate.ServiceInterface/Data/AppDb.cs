using LinqToDB;
using LinqToDB.Data;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>One database connection with the app's tables; scoped to a request.</summary>
public class AppDb(DataOptions options) : DataConnection(options)
{
    public ITable<UserRecord> Users => this.GetTable<UserRecord>();
    public ITable<RevokedTokenRecord> RevokedTokens => this.GetTable<RevokedTokenRecord>();
    public ITable<RefreshTokenRecord> RefreshTokens => this.GetTable<RefreshTokenRecord>();

    /// <summary>
    /// The user with this public id, or null: the one read of every authenticated GET. Plain SQL
    /// because linq2db builds the SQL of a query on a string key afresh at each call, which cost
    /// about 5 times the time and 10 times the allocations (bench/RESULTS.md).
    /// </summary>
    public async Task<UserRecord?> UserByPublicIdAsync(string publicId, CancellationToken cancel = default) =>
        (await this.QueryToListAsync<UserRecord>("SELECT * FROM \"user\" WHERE public_id = @publicId",
            new DataParameter("publicId", publicId), cancel)).FirstOrDefault();
}
