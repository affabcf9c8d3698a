using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Secrets;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.SigningKeys;

/// <summary>
/// The <c>signing_keys</c> table, and this host's <see cref="SigningKeyRing"/> read from it: every
/// change here reloads the ring, and other hosts reload theirs when the change stream tells them.
/// </summary>
public sealed class SigningKeyStore(
    AppDb db, SigningKeyRing ring, SigningKeyProtector protector, IOptions<AuthSettings> options, AuditLog audit, AuditTrail trail, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Reads the keys not revoked into the ring; where none may sign with the configured
    /// algorithm (the first start, the last key revoked, a new algorithm), makes one that signs at
    /// once. Two hosts doing so together make two keys; both verify, and the newer signs on both.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancel = default)
    {
        await ReloadAsync(cancel);
        if (ring.UsesKeyPairs && ring.Signing() is null)
        {
            var made = await db.AtomicallyAsync(async () =>
            {
                var key = await AddAsync(activatesOn: Now, cancel);
                await trail.RecordAsync(AuditEventNames.SigningKeyMade, null, null, AuditLog.LocalClient, $"kid={key.Kid} algorithm={key.Algorithm}", cancel);
                return key;
            }, cancel);
            audit.SigningKeyMade(made.Kid, made.Algorithm);
        }
    }

    /// <summary>Every key, revoked ones included, newest first, with its state now.</summary>
    public async Task<IReadOnlyList<(SigningKeyRecord Key, SigningKeyState State)>> ListAsync(CancellationToken cancel = default)
    {
        var rows = await db.SigningKeys.ToListAsync(cancel);
        var live = rows.Where(r => r.RevokedOn is null).OrderBy(r => r.ActivatesOn).ThenBy(r => r.Kid, StringComparer.Ordinal).ToList();
        var now = Now;
        return rows
            .Select(r => (r, ring.StateOf(r, r.RevokedOn is null ? live.ElementAtOrDefault(live.IndexOf(r) + 1)?.ActivatesOn : null, now)))
            .OrderByDescending(k => k.r.ActivatesOn).ThenBy(k => k.r.Kid, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A new key, published at once, signing after <c>Auth:SigningKeyActivationDelay</c> or at once.
    /// The keys before it keep verifying until their last token expires.
    /// </summary>
    /// <param name="actorId">The admin's public id; null for the command line.</param>
    public async Task<SigningKeyRecord> RotateAsync(bool activateNow, string? actorId, string client, CancellationToken cancel = default)
    {
        RefuseWithoutKeyPairs();
        var key = await db.AtomicallyAsync(async () =>
        {
            var added = await AddAsync(activateNow ? Now : Now + options.Value.SigningKeyActivationDelay, cancel);
            await trail.RecordAsync(AuditEventNames.SigningKeyRotated, null, actorId, client, $"kid={added.Kid} activates={added.ActivatesOn:o}", cancel);
            return added;
        }, cancel);
        audit.SigningKeyRotated(key.Kid, key.ActivatesOn, actorId ?? AuditLog.CommandLine, client);
        return key;
    }

    /// <summary>
    /// Refuses a key's tokens from now on, on every host; if it was signing, a fresh key takes
    /// over at once, so the next sign-in does not fail. Null when no key has that id.
    /// </summary>
    public async Task<SigningKeyRecord?> RevokeAsync(string kid, string? actorId, string client, CancellationToken cancel = default)
    {
        await ReloadAsync(cancel);
        var wasSigning = ring.Signing()?.Kid == kid;
        // One commit, so no host reads the table between the revocation and its successor and makes a key of its own.
        var key = await db.AtomicallyAsync(async () =>
        {
            await db.SigningKeys.Where(k => k.Kid == kid && k.RevokedOn == null).Set(k => k.RevokedOn, Now).UpdateAsync(cancel);
            var revoked = await db.SigningKeys.FirstOrDefaultAsync(k => k.Kid == kid, cancel);
            if (revoked is null)
                return null;
            if (wasSigning)
                await db.InsertAsync<SigningKeyRecord>(NewSigningKey.Create(ring.Algorithm, protector, Now, Now), token: cancel);
            await trail.RecordAsync(AuditEventNames.SigningKeyRevoked, null, actorId, client, $"kid={kid}", cancel);
            return revoked;
        }, cancel);
        if (key is null)
            return null;
        ring.Forget(kid);
        audit.SigningKeyRevoked(kid, actorId ?? AuditLog.CommandLine, client);
        await LoadAsync(cancel);
        return key;
    }

    private async Task<SigningKeyRecord> AddAsync(DateTime activatesOn, CancellationToken cancel)
    {
        // A new key activates after the one signing now, even within the same tick, so it is the newest
        // on every host. Compared as stored: SQLite keeps milliseconds, so two times within one would tie
        // once read back, and the tie would be settled by kid, at random.
        activatesOn = WholeMilliseconds(activatesOn);
        if (ring.Signing() is { } signing && activatesOn <= WholeMilliseconds(signing.Row.ActivatesOn))
            activatesOn = WholeMilliseconds(signing.Row.ActivatesOn).AddMilliseconds(1);
        var key = NewSigningKey.Create(ring.Algorithm, protector, Now, activatesOn);
        await db.InsertAsync<SigningKeyRecord>(key, token: cancel);
        await ReloadAsync(cancel);
        return key;
    }

    private static DateTime WholeMilliseconds(DateTime time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));

    // Plain SQL, as the revocations load, so no LINQ query is translated before the host may serve.
    private async Task ReloadAsync(CancellationToken cancel) =>
        ring.Load(await new CommandInfo(db, "SELECT * FROM signing_keys WHERE revoked_on IS NULL").QueryToListAsync<SigningKeyRecord>(cancel));

    private void RefuseWithoutKeyPairs()
    {
        if (!ring.UsesKeyPairs)
            throw new SigningKeysNotUsedException(ring.Algorithm);
    }
}

/// <summary>Under HS256 tokens are signed with the app's secret: there is no key to rotate.</summary>
public sealed class SigningKeysNotUsedException(string algorithm)
    : Exception($"Tokens are signed with {algorithm} under SECRET_KEY, so there are no signing keys to rotate: set Auth:SigningAlgorithm to ES256 or RS256.");
