using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Revocation;
using Boilerplate.ServiceInterface.Secrets;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Sessions;

/// <summary>Where a sign-in or a refresh came from, as the device list shows it.</summary>
public sealed record SessionClient(string Ip, string? UserAgent)
{
    private const int MaxUserAgent = 512;

    public static SessionClient Of(ServiceStack.Web.IRequest request) => new(request.RemoteIp, request.UserAgent);

    /// <summary>Null when the server has no address for the client (an in-memory test server).</summary>
    public string? KnownIp => Ip is { Length: > 0 } ? Ip : null;

    public string? ShortUserAgent => UserAgent is { Length: > MaxUserAgent } agent ? agent[..MaxUserAgent] : UserAgent;
}

/// <summary>
/// A session is one sign-in: a row of <c>user_sessions</c> and a family of refresh tokens (its id
/// is the access tokens' <c>sid</c>). Refresh tokens are 256 random bits, stored only as SHA-256
/// hashes. Ending a session revokes its refresh tokens and refuses its access tokens at once.
/// </summary>
public sealed class SessionStore(
    AppDb db, UserStore users, JwtTokens jwt, EndedSessions ended, IOptions<AuthSettings> options, TimeProvider clock, AuditLog audit, AuditTrail trail, AppMetrics metrics)
{
    private readonly AuthSettings settings = options.Value;

    public async Task<SessionTokens> StartAsync(UserRecord user, SessionClient client, SignInProof proof, CancellationToken cancel = default)
    {
        var familyId = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        var (refreshToken, expires) = await db.AtomicallyAsync(async () =>
        {
            var added = await AddRefreshTokenAsync(user.Id, familyId, now + settings.SessionMaxLifetime, cancel);
            await db.InsertAsync(new SessionRecord
            {
                Id = familyId,
                UserId = user.Id,
                CreatedOn = now,
                LastUsedOn = now,
                ExpiresOn = added.Expires,
                Ip = client.KnownIp,
                UserAgent = client.ShortUserAgent,
            }, token: cancel);
            // Every way in ends here, so this is where a sign-in is on record.
            await trail.RecordAsync(AuditEventNames.SignedIn, user.PublicId, user.PublicId, client.Ip, $"session={familyId} methods={string.Join(',', proof.Methods())}", cancel);
            return added;
        }, cancel);
        return new SessionTokens(familyId, jwt.Issue(user, familyId, proof), refreshToken, expires);
    }

    /// <exception cref="TokenException">The refresh token is unknown, expired, revoked, or was used before.</exception>
    public async Task<SessionTokens> RefreshAsync(string refreshToken, SessionClient client, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = SecretTokens.Hash(refreshToken);
        var found = await (
            from row in db.RefreshTokens
            where row.TokenHash == hash
            // Revocation is per session: a token written by a refresh that lost a race against
            // the session's end is as dead as the rest of its family.
            select new
            {
                row,
                ended = db.RefreshTokens.Any(t => t.FamilyId == row.FamilyId && t.RevokedOn != null),
                signedIn = db.Sessions.Where(s => s.Id == row.FamilyId).Select(s => (DateTime?)s.CreatedOn).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancel);

        if (found is null || found.ended || found.row.ExpiresOn <= now)
            throw Refused(AuthMessages.InvalidRefreshToken);
        var token = found.row;
        // However often it is renewed, a sign-in lasts Auth:SessionMaxLifetime at most.
        var endOfSession = (found.signedIn ?? now) + settings.SessionMaxLifetime;
        if (endOfSession <= now)
        {
            await EndAsync(token.FamilyId, cancel);
            throw Refused(AuthMessages.SessionTooOld);
        }
        var user = await users.FindByIdAsync(token.UserId, cancel) ?? throw Refused(AuthMessages.InvalidRefreshToken);
        if (user.Locked)
            throw Refused(AuthMessages.AccountLocked);

        if (!settings.RotateRefreshTokens)
        {
            var kept = DateTime.SpecifyKind(token.ExpiresOn, DateTimeKind.Utc);
            await db.AtomicallyAsync(async () =>
            {
                await TouchAsync(token.FamilyId, client, kept, cancel);
                await RecordAsync(AuditEventNames.SessionRenewed, user, token.FamilyId, client, cancel);
            }, cancel);
            metrics.Refresh("kept");
            return new SessionTokens(token.FamilyId, jwt.Issue(user, token.FamilyId), refreshToken, kept);
        }

        var renewed = await db.AtomicallyAsync(async () =>
        {
            // Claim the token in one conditional write, so of two concurrent uses only one wins.
            var claimed = await db.RefreshTokens
                .Where(t => t.Id == token.Id && t.UsedOn == null)
                .Set(t => t.UsedOn, now)
                .UpdateAsync(cancel);
            if (claimed == 0)
            {
                // A used token presented again: someone else holds a copy. End the whole session.
                await EndAsync(token.FamilyId, cancel);
                await RecordAsync(AuditEventNames.RefreshTokenReused, user, token.FamilyId, client, cancel);
                return ((string Token, DateTime Expires)?)null;
            }
            var added = await AddRefreshTokenAsync(user.Id, token.FamilyId, endOfSession, cancel);
            await TouchAsync(token.FamilyId, client, added.Expires, cancel);
            await RecordAsync(AuditEventNames.SessionRenewed, user, token.FamilyId, client, cancel);
            return added;
        }, cancel);
        if (renewed is not var (next, expires))
        {
            audit.RefreshTokenReused(user.PublicId, token.FamilyId, client.Ip);
            metrics.Refresh("reuse_detected");
            throw new TokenException(AuthMessages.RefreshTokenReused);
        }
        audit.Refreshed(user.PublicId, token.FamilyId, client.Ip);
        metrics.Refresh("rotated");
        return new SessionTokens(token.FamilyId, jwt.Issue(user, token.FamilyId), next, expires);
    }

    private Task RecordAsync(string eventName, UserRecord user, string familyId, SessionClient client, CancellationToken cancel) =>
        trail.RecordAsync(eventName, user.PublicId, user.PublicId, client.Ip, $"session={familyId}", cancel);

    private TokenException Refused(string message)
    {
        metrics.Refresh("refused");
        return new TokenException(message);
    }

    /// <summary>Ends the session: its refresh tokens are revoked, and its access tokens refused here at once and on every host within moments.</summary>
    public async Task EndAsync(string familyId, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedOn == null).Set(t => t.RevokedOn, now).UpdateAsync(cancel);
        await db.Sessions.Where(s => s.Id == familyId && s.EndedOn == null).Set(s => s.EndedOn, now).UpdateAsync(cancel);
        ended.Remember(familyId, now);
    }

    /// <summary>Ends every session of the user but <paramref name="keep"/>, the caller's own.</summary>
    public async Task<int> EndOthersAsync(long userId, string keep, CancellationToken cancel = default)
    {
        var others = await db.Sessions.Where(s => s.UserId == userId && s.Id != keep && s.EndedOn == null).Select(s => s.Id).ToListAsync(cancel);
        foreach (var id in others)
            await EndAsync(id, cancel);
        return others.Count;
    }

    /// <summary>
    /// Revokes every refresh token of the user and marks every session ended, refused here at once
    /// and on every host within moments; the caller (<see cref="SignOutEverywhere"/>) then moves the
    /// security stamp, which refuses any access token a renewal racing this one minted.
    /// </summary>
    public async Task EndAllAsync(long userId, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Sessions.Where(s => s.UserId == userId && s.EndedOn == null).Select(s => s.Id).ToListAsync(cancel);
        await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedOn == null).Set(t => t.RevokedOn, now).UpdateAsync(cancel);
        await db.Sessions.Where(s => s.UserId == userId && s.EndedOn == null).Set(s => s.EndedOn, now).UpdateAsync(cancel);
        foreach (var id in open)
            ended.Remember(id, now);
    }

    /// <summary>
    /// Deletes what can never be used again: refresh tokens past their expiry, and sessions that
    /// expired, or ended longer ago than any of their access tokens could live.
    /// </summary>
    public async Task<int> PurgeAsync(CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var endedBefore = now - settings.AccessTokenLifetime - settings.ClockSkew;
        return await db.RefreshTokens.Where(t => t.ExpiresOn <= now).DeleteAsync(cancel)
               + await db.Sessions.Where(s => s.ExpiresOn <= now || s.EndedOn < endedBefore).DeleteAsync(cancel);
    }

    /// <summary>A user's sessions still going, newest first.</summary>
    public Task<List<SessionRecord>> ListAsync(long userId, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Sessions.Where(s => s.UserId == userId && s.EndedOn == null && s.ExpiresOn > now)
            .OrderByDescending(s => s.CreatedOn).ThenByDescending(s => s.Id).ToListAsync(cancel);
    }

    /// <summary>The user's session of that id, if it is still going.</summary>
    public Task<SessionRecord?> FindAsync(long userId, string sessionId, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedOn == null && s.ExpiresOn > now, cancel);
    }

    private Task TouchAsync(string familyId, SessionClient client, DateTime expires, CancellationToken cancel) =>
        db.Sessions.Where(s => s.Id == familyId)
            .Set(s => s.LastUsedOn, clock.GetUtcNow().UtcDateTime).Set(s => s.ExpiresOn, expires)
            .Set(s => s.Ip, client.KnownIp).Set(s => s.UserAgent, client.ShortUserAgent)
            .UpdateAsync(cancel);

    /// <summary>A refresh token of the session, good for Auth:RefreshTokenLifetime but never past <paramref name="endOfSession"/>.</summary>
    private async Task<(string Token, DateTime Expires)> AddRefreshTokenAsync(long userId, string familyId, DateTime endOfSession, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = SecretTokens.New();
        var expires = Min(now + settings.RefreshTokenLifetime, endOfSession);
        await db.InsertAsync(new RefreshTokenRecord
        {
            TokenHash = SecretTokens.Hash(token),
            FamilyId = familyId,
            UserId = userId,
            CreatedOn = now,
            ExpiresOn = expires,
        }, token: cancel);
        return (token, DateTime.SpecifyKind(expires, DateTimeKind.Utc));
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
