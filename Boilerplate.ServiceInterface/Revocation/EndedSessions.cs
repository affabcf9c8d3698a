using System.Collections.Concurrent;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Revocation;

/// <summary>
/// The sessions ended lately, by id, so their access tokens are refused at once rather than at
/// their expiry, with no database read per request. An ended session is remembered for as long
/// as an access token of it could still be valid (the token lifetime and the clock skew), so the
/// set holds only the sessions ended in the last minutes. <c>user_sessions</c> is the source of
/// truth; other hosts hear of an ending through <see cref="RevocationSync"/>.
/// </summary>
public sealed class EndedSessions(IOptions<AuthSettings> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTime> forgetAfter = new(StringComparer.Ordinal);
    private readonly TimeSpan remember = options.Value.AccessTokenLifetime + options.Value.ClockSkew;

    public int Count => forgetAfter.Count;

    public bool IsEnded(string sessionId) => forgetAfter.ContainsKey(sessionId);

    /// <summary>Records a session ended at <paramref name="endedOn"/> (UTC), here or on another host.</summary>
    public void Remember(string sessionId, DateTime endedOn)
    {
        var until = endedOn + remember;
        if (until > clock.GetUtcNow().UtcDateTime)
            forgetAfter[sessionId] = until;
    }

    public async Task LoadAsync(AppDb db, CancellationToken cancel = default)
    {
        // The table keeps UTC without a kind, as it was written.
        var since = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime - remember, DateTimeKind.Unspecified);
        // Plain SQL, as RevokedTokens loads, so no LINQ query is translated before the host may serve.
        await using var connection = new DataConnection(db.Options);
        await using var rows = await new CommandInfo(connection, "SELECT id, ended_on FROM user_sessions WHERE ended_on > @since",
            new DataParameter("since", since, DataType.DateTime)).ExecuteReaderAsync(cancel);
        var reader = rows.Reader!;
        while (await reader.ReadAsync(cancel))
            Remember(reader.GetString(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
    }

    /// <summary>Forgets the sessions none of whose access tokens can still be valid.</summary>
    public int Purge()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var purged = 0;
        foreach (var (id, until) in forgetAfter)
        {
            if (until <= now && forgetAfter.TryRemove(new KeyValuePair<string, DateTime>(id, until)))
                purged++;
        }
        return purged;
    }
}
