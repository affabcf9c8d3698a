using System.Security.Cryptography;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>What a sign-in or a refresh hands the client.</summary>
public sealed record SessionTokens(string SessionId, string AccessToken, string RefreshToken, DateTime RefreshTokenExpiry);

/// <summary>
/// A session is one sign-in: a family of refresh tokens (its id is the access tokens' <c>sid</c>).
/// Refresh tokens are 256 random bits, stored only as SHA-256 hashes.
/// </summary>
public sealed class Sessions(AppDb db, UserStore users, JwtTokens jwt, IOptions<AuthSettings> options, TimeProvider clock, AuditLog audit, AppMetrics metrics)
{
    private readonly AuthSettings settings = options.Value;

    public async Task<SessionTokens> StartAsync(UserRecord user, CancellationToken cancel = default)
    {
        var familyId = Guid.NewGuid().ToString("N");
        var (refreshToken, expires) = await AddRefreshTokenAsync(user.Id, familyId, cancel);
        return new SessionTokens(familyId, jwt.Issue(user, familyId), refreshToken, expires);
    }

    /// <exception cref="TokenException">The refresh token is unknown, expired, revoked, or was used before.</exception>
    public async Task<SessionTokens> RefreshAsync(string refreshToken, string client, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(refreshToken);
        var found = await (
            from row in db.RefreshTokens
            where row.TokenHash == hash
            // Revocation is per session: a token written by a refresh that lost a race against
            // the session's end is as dead as the rest of its family.
            select new { row, ended = db.RefreshTokens.Any(t => t.FamilyId == row.FamilyId && t.RevokedOn != null) })
            .FirstOrDefaultAsync(cancel);

        if (found is null || found.ended || found.row.ExpiresOn <= now)
            throw Refused(AuthMessages.InvalidRefreshToken);
        var token = found.row;
        var user = await users.FindByIdAsync(token.UserId, cancel) ?? throw Refused(AuthMessages.InvalidRefreshToken);
        if (user.Locked)
            throw Refused(AuthMessages.AccountLocked);

        if (!settings.RotateRefreshTokens)
        {
            metrics.Refresh("kept");
            return new SessionTokens(token.FamilyId, jwt.Issue(user, token.FamilyId), refreshToken, DateTime.SpecifyKind(token.ExpiresOn, DateTimeKind.Utc));
        }

        // Claim the token in one conditional write, so of two concurrent uses only one wins.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedOn == null)
            .Set(t => t.UsedOn, now)
            .UpdateAsync(cancel);
        if (claimed == 0)
        {
            // A used token presented again: someone else holds a copy. End the whole session.
            await EndAsync(token.FamilyId, cancel);
            audit.RefreshTokenReused(user.PublicId, token.FamilyId, client);
            metrics.Refresh("reuse_detected");
            throw new TokenException(AuthMessages.RefreshTokenReused);
        }

        var (next, expires) = await AddRefreshTokenAsync(user.Id, token.FamilyId, cancel);
        audit.Refreshed(user.PublicId, token.FamilyId, client);
        metrics.Refresh("rotated");
        return new SessionTokens(token.FamilyId, jwt.Issue(user, token.FamilyId), next, expires);
    }

    private TokenException Refused(string message)
    {
        metrics.Refresh("refused");
        return new TokenException(message);
    }

    /// <summary>Revokes every refresh token of the session; its access tokens still die at their expiry.</summary>
    public Task<int> EndAsync(string familyId, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedOn == null)
            .Set(t => t.RevokedOn, now)
            .UpdateAsync(cancel);
    }

    /// <summary>Revokes every refresh token of the user: every session ends at its next refresh.</summary>
    public Task<int> EndAllAsync(long userId, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedOn == null)
            .Set(t => t.RevokedOn, now)
            .UpdateAsync(cancel);
    }

    public static string Hash(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken)));

    private async Task<(string Token, DateTime Expires)> AddRefreshTokenAsync(long userId, string familyId, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = now + settings.RefreshTokenLifetime;
        await db.InsertAsync(new RefreshTokenRecord
        {
            TokenHash = Hash(token),
            FamilyId = familyId,
            UserId = userId,
            CreatedOn = now,
            ExpiresOn = expires,
        }, token: cancel);
        return (token, DateTime.SpecifyKind(expires, DateTimeKind.Utc));
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public static class SessionTokensExtensions
{
    public static TokenResponse ToResponse(this SessionTokens session, string message) => new()
    {
        Message = message,
        Authorization = session.AccessToken,
        RefreshToken = session.RefreshToken,
        RefreshTokenExpiry = session.RefreshTokenExpiry,
    };

    public static RegistrationResponse ToRegistrationResponse(this SessionTokens session, string message) => new()
    {
        Message = message,
        Authorization = session.AccessToken,
        RefreshToken = session.RefreshToken,
        RefreshTokenExpiry = session.RefreshTokenExpiry,
    };
}
