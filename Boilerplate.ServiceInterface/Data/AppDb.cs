using LinqToDB;
using LinqToDB.Data;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>One database connection with the app's tables; scoped to a request.</summary>
public class AppDb(DataOptions options) : DataConnection(options)
{
    public ITable<UserRecord> Users => this.GetTable<UserRecord>();
    public ITable<RevokedTokenRecord> RevokedTokens => this.GetTable<RevokedTokenRecord>();
    public ITable<RefreshTokenRecord> RefreshTokens => this.GetTable<RefreshTokenRecord>();
}
