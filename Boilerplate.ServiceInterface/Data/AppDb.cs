using Boilerplate.ServiceInterface.Passkeys;
using Boilerplate.ServiceInterface.Revocation;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.ServiceInterface.Users;
using LinqToDB;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// The app's tables; scoped to a request. A DataContext rather than a DataConnection: it takes a
/// pooled connection for each query and gives it straight back, so a request waiting on bcrypt or
/// on the client holds none, and a few connections per host serve many requests. Each table is
/// read and written by one store: <c>user</c> by <c>UserStore</c>, the token tables by the Auth classes, the passkey tables by the Passkeys classes, the outbox by <c>MailOutbox</c>, the signing keys by <c>SigningKeyStore</c>, the roles by <c>RoleStore</c>.
/// </summary>
public class AppDb(DataOptions options) : DataContext(options)
{
    public ITable<UserRecord> Users => this.GetTable<UserRecord>();
    public ITable<RevokedTokenRecord> RevokedTokens => this.GetTable<RevokedTokenRecord>();
    public ITable<RefreshTokenRecord> RefreshTokens => this.GetTable<RefreshTokenRecord>();
    public ITable<SessionRecord> Sessions => this.GetTable<SessionRecord>();
    public ITable<RecoveryCodeRecord> RecoveryCodes => this.GetTable<RecoveryCodeRecord>();
    public ITable<MfaChallengeRecord> MfaChallenges => this.GetTable<MfaChallengeRecord>();
    public ITable<PasskeyRecord> Passkeys => this.GetTable<PasskeyRecord>();
    public ITable<PasskeyCeremonyRecord> PasskeyCeremonies => this.GetTable<PasskeyCeremonyRecord>();
    public ITable<EmailTokenRecord> EmailTokens => this.GetTable<EmailTokenRecord>();
    public ITable<MailRecord> Mail => this.GetTable<MailRecord>();
    public ITable<SigningKeyRecord> SigningKeys => this.GetTable<SigningKeyRecord>();
    public ITable<RoleRecord> Roles => this.GetTable<RoleRecord>();
}
