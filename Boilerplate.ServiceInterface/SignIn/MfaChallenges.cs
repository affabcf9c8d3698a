using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Secrets;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.SignIn;

/// <summary>
/// The mfa_token a sign-in with the right password gets instead of a session: 256 random bits,
/// stored as a hash, naming one user, for <see cref="AuthSettings.MfaChallengeLifetime"/>. It is
/// no bearer token (nothing but <c>LoginMfa</c> reads it), it works on any host (it is a row),
/// and it is spent by the sign-in it completes.
/// </summary>
public sealed class MfaChallenges(AppDb db, IOptions<AuthSettings> options, TimeProvider clock)
{
    public async Task<string> IssueAsync(UserRecord user, bool afterExternal, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = SecretTokens.New();
        // Spent and expired challenges of the user go as a new one comes.
        await db.MfaChallenges.Where(c => c.UserId == user.Id && (c.UsedOn != null || c.ExpiresOn <= now)).DeleteAsync(cancel);
        await db.InsertAsync(new MfaChallengeRecord
        {
            TokenHash = SecretTokens.Hash(token),
            UserId = user.Id,
            CreatedOn = now,
            ExpiresOn = now + options.Value.MfaChallengeLifetime,
            AfterExternal = afterExternal,
        }, token: cancel);
        return token;
    }

    /// <summary>Deletes the challenges past their expiry, spent or not.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.MfaChallenges.Where(c => c.ExpiresOn <= now).DeleteAsync(cancel);
    }

    /// <summary>The challenge, while unspent and unexpired.</summary>
    public Task<MfaChallengeRecord?> FindAsync(string? token, CancellationToken cancel = default)
    {
        var hash = SecretTokens.Hash(token ?? "");
        var now = clock.GetUtcNow().UtcDateTime;
        return db.MfaChallenges.FirstOrDefaultAsync(c => c.TokenHash == hash && c.UsedOn == null && c.ExpiresOn > now, cancel);
    }

    /// <summary>Spends the challenge in one conditional write: of two sign-ins completing at once, one gets it.</summary>
    public async Task<bool> SpendAsync(MfaChallengeRecord challenge, CancellationToken cancel = default) =>
        await db.MfaChallenges.Where(c => c.Id == challenge.Id && c.UsedOn == null)
            .Set(c => c.UsedOn, clock.GetUtcNow().UtcDateTime).UpdateAsync(cancel) == 1;
}
