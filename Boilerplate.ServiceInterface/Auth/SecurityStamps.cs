using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// Revoke-everywhere without a database read per request: each user's security stamp is held in
/// memory (only users whose stamp has ever moved), and a token issued with an older stamp is
/// refused. Logout-all, a password change, demotion, lock and deletion move the stamp.
/// </summary>
public sealed class SecurityStamps(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, int> stampsByPublicId = new();

    /// <summary>True when the token was issued before the user's tokens were last revoked.</summary>
    public bool IsOutdated(ClaimsPrincipal token)
    {
        var publicId = token.FindFirst(TokenClaims.Subject)?.Value;
        if (publicId is null || !stampsByPublicId.TryGetValue(publicId, out var current))
            return false;
        var issued = int.TryParse(token.FindFirst(TokenClaims.SecurityStamp)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var stamp) ? stamp : 0;
        return issued < current;
    }

    /// <summary>Moves the user's stamp on, in the table first and then in memory; returns the new stamp.</summary>
    public async Task<int> RevokeEverywhereAsync(AppDb db, UserRecord user, CancellationToken cancel = default)
    {
        await db.Users.Where(u => u.Id == user.Id).Set(u => u.SecurityStamp, u => u.SecurityStamp + 1).UpdateAsync(cancel);
        var stamp = await db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).FirstAsync(cancel);
        await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedOn == null)
            .Set(t => t.RevokedOn, clock.GetUtcNow().UtcDateTime).UpdateAsync(cancel);
        Advance(user.PublicId, stamp);
        user.SecurityStamp = stamp;
        return stamp;
    }

    /// <summary>Records a stamp already in the table, e.g. one another host moved. Stamps never go back.</summary>
    public void Advance(string publicId, int stamp) => stampsByPublicId.AddOrUpdate(publicId, stamp, (_, old) => Math.Max(old, stamp));

    /// <summary>A deleted user's tokens must all fail, whatever stamp they carry.</summary>
    public void Forget(string publicId) => stampsByPublicId[publicId] = int.MaxValue;

    public async Task LoadAsync(AppDb db, CancellationToken cancel = default)
    {
        var moved = await db.Users.Where(u => u.SecurityStamp > 0).Select(u => new { u.PublicId, u.SecurityStamp }).ToListAsync(cancel);
        foreach (var user in moved)
            stampsByPublicId[user.PublicId] = user.SecurityStamp;
    }
}
