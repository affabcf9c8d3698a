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
/// read and written by one store: <c>user</c> by <c>UserStore</c>, the token tables by the Auth classes, the passkey tables by the Passkeys classes, the outbox by <c>MailOutbox</c>, the signing keys by <c>SigningKeyStore</c>, the roles by <c>RoleStore</c>, the audit trail by <c>AuditTrail</c>, the API keys by <c>ApiKeyStore</c>.
/// </summary>
public class AppDb(DataOptions options) : DataContext(options)
{
    public ITable<UserRecord> Users => this.GetTable<UserRecord>();
    public ITable<RevokedTokenRecord> RevokedTokens => this.GetTable<RevokedTokenRecord>();
    public ITable<RefreshTokenRecord> RefreshTokens => this.GetTable<RefreshTokenRecord>();
    public ITable<SessionRecord> Sessions => this.GetTable<SessionRecord>();
    public ITable<RecoveryCodeRecord> RecoveryCodes => this.GetTable<RecoveryCodeRecord>();
    public ITable<MfaChallengeRecord> MfaChallenges => this.GetTable<MfaChallengeRecord>();
    public ITable<ExternalIdentityRecord> ExternalIdentities => this.GetTable<ExternalIdentityRecord>();
    public ITable<ExternalSignInRecord> ExternalSignIns => this.GetTable<ExternalSignInRecord>();
    public ITable<PasskeyRecord> Passkeys => this.GetTable<PasskeyRecord>();
    public ITable<PasskeyCeremonyRecord> PasskeyCeremonies => this.GetTable<PasskeyCeremonyRecord>();
    public ITable<EmailTokenRecord> EmailTokens => this.GetTable<EmailTokenRecord>();
    public ITable<MailRecord> Mail => this.GetTable<MailRecord>();
    public ITable<SigningKeyRecord> SigningKeys => this.GetTable<SigningKeyRecord>();
    public ITable<RoleRecord> Roles => this.GetTable<RoleRecord>();
    public ITable<AuditEventRecord> AuditEvents => this.GetTable<AuditEventRecord>();
    public ITable<ApiKeyRecord> ApiKeys => this.GetTable<ApiKeyRecord>();

    private int atomicDepth;
    private List<Action>? afterCommit;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: a new one, or the one a caller already
    /// opened with this method, which it joins. So a change and its audit row commit together
    /// whichever layer began the transaction. Every transaction of the app is opened here: one
    /// opened beside it would roll the other back (linq2db allows one per connection).
    /// </summary>
    public async Task<T> AtomicallyAsync<T>(Func<Task<T>> work, CancellationToken cancel = default)
    {
        if (atomicDepth > 0)
            return await work();
        T result;
        await using (var transaction = await BeginTransactionAsync(cancel))
        {
            atomicDepth++;
            try
            {
                result = await work();
                await transaction.CommitTransactionAsync(cancel);
            }
            catch
            {
                // Rolled back: nothing changed, so nothing waits for the commit.
                afterCommit = null;
                throw;
            }
            finally
            {
                atomicDepth--;
            }
        }
        var committed = afterCommit;
        afterCommit = null;
        committed?.ForEach(action => action());
        return result;
    }

    public Task AtomicallyAsync(Func<Task> work, CancellationToken cancel = default) =>
        AtomicallyAsync(async () => { await work(); return true; }, cancel);

    /// <summary>Runs <paramref name="action"/> once the transaction open now commits, or at once when none is: what must not be seen before the change is.</summary>
    public void WhenCommitted(Action action)
    {
        if (atomicDepth == 0)
            action();
        else
            (afterCommit ??= []).Add(action);
    }
}
