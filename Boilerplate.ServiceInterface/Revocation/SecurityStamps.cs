using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.ServiceInterface.Revocation;

/// <summary>
/// Revoke-everywhere without a database read per request: each user's security stamp is held in
/// memory (only users whose stamp has ever moved), and a token issued with an older stamp is
/// refused. <see cref="SignOutEverywhere"/> moves a stamp; other hosts hear of it through
/// <see cref="RevocationSync"/>.
/// </summary>
public sealed class SecurityStamps
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

    /// <summary>Records a stamp already in the table, e.g. one another host moved. Stamps never go back.</summary>
    public void Advance(string publicId, int stamp) => stampsByPublicId.AddOrUpdate(publicId, stamp, (_, old) => Math.Max(old, stamp));

    /// <summary>A deleted user's tokens must all fail, whatever stamp they carry.</summary>
    public void Forget(string publicId) => stampsByPublicId[publicId] = int.MaxValue;

    public async Task LoadAsync(UserStore users, CancellationToken cancel = default)
    {
        foreach (var (publicId, stamp) in await users.MovedStampsAsync(cancel))
            stampsByPublicId[publicId] = stamp;
    }
}
