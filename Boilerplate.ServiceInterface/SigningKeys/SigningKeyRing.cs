using System.Text;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Secrets;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.ServiceInterface.SigningKeys;

/// <summary>
/// The keys this host signs and verifies access tokens with, as the <c>signing_keys</c> table
/// held them when last read (<see cref="SigningKeyStore"/>, kept current by the hosts' change
/// stream). Every host picks the same signing key from the same rows: the newest one whose
/// activation has come. Under HS256 it holds the app's secret instead, and publishes nothing.
/// </summary>
public sealed class SigningKeyRing(IOptions<AuthSettings> options, SigningKeyProtector protector, TimeProvider clock)
{
    private readonly AuthSettings settings = options.Value;
    private readonly SymmetricSecurityKey secret = new(Encoding.UTF8.GetBytes(options.Value.SecretKey));
    private readonly HashSet<string> revoked = new(StringComparer.Ordinal);
    private volatile KeySet keys = KeySet.Empty;

    public string Algorithm => settings.SigningAlgorithm;

    public bool UsesKeyPairs => SigningAlgorithms.IsAsymmetric(Algorithm);

    /// <summary>What a key is at a moment, from its row and the next newer key's activation.</summary>
    public SigningKeyState StateOf(SigningKeyRecord key, DateTime? nextActivation, DateTime now)
    {
        if (key.RevokedOn is not null)
            return SigningKeyState.Revoked;
        if (key.ActivatesOn > now)
            return SigningKeyState.Pending;
        if (nextActivation is not { } retired || retired > now)
            return SigningKeyState.Signing;
        // The last token it signed was issued just before the next key took over.
        return retired + settings.AccessTokenLifetime + settings.ClockSkew > now ? SigningKeyState.Verifying : SigningKeyState.Expired;
    }

    /// <summary>
    /// Takes the table's keys that are not revoked, oldest activation first. A key already held
    /// keeps its loaded form, so its private half is unsealed once per host. A key this host has
    /// heard revoked never comes back, even from a read that began before the revocation.
    /// </summary>
    public void Load(IEnumerable<SigningKeyRecord> rows)
    {
        lock (revoked)
        {
            var held = keys.ByKid;
            var loaded = rows.Where(r => r.RevokedOn is null && !revoked.Contains(r.Kid))
                .OrderBy(r => r.ActivatesOn).ThenBy(r => r.Kid, StringComparer.Ordinal)
                .Select(r => held.TryGetValue(r.Kid, out var key) ? key : KeyPair.Of(r, protector))
                .ToList();
            keys = new KeySet(loaded);
        }
    }

    /// <summary>A revoked key, refused at once, before the table is read again, and for good.</summary>
    public void Forget(string kid)
    {
        lock (revoked)
        {
            revoked.Add(kid);
            var current = keys;
            if (current.ByKid.ContainsKey(kid))
                keys = new KeySet(current.Ordered.Where(k => k.Kid != kid).ToList());
        }
    }

    /// <summary>The key new tokens are signed with; null when this host must make one (none yet, or the last was revoked).</summary>
    public KeyPair? Signing() => keys.Signing(clock.GetUtcNow().UtcDateTime) is { } key && key.Algorithm == Algorithm ? key : null;

    /// <summary>What a new token is signed with: the signing key, or the app's secret under HS256.</summary>
    /// <exception cref="InvalidOperationException">No key may sign: the store has not loaded one yet.</exception>
    public SigningCredentials Credentials()
    {
        if (!UsesKeyPairs)
            return new SigningCredentials(secret, SecurityAlgorithms.HmacSha256);
        return (Signing() ?? throw new InvalidOperationException("No signing key is loaded: the host has not read the signing_keys table.")).Credentials;
    }

    /// <summary>The keys published in the JWKS: pending, signing, and those whose tokens may still be live.</summary>
    public IReadOnlyList<KeyPair> Published()
    {
        if (!UsesKeyPairs)
            return [];
        var now = clock.GetUtcNow().UtcDateTime;
        var current = keys;
        return current.Ordered.Where((k, i) => IsPublished(k, current.NextActivation(i), now)).ToList();
    }

    /// <summary>For the token handler: the key a token's <c>kid</c> names, while it is published.</summary>
    public IEnumerable<SecurityKey> VerifyingKeys(string? kid)
    {
        if (!UsesKeyPairs)
            return [secret];
        return kid is not null && Find(kid) is { } key ? [key.VerifyingKey] : [];
    }

    /// <summary>Whether a token validated earlier under <paramref name="kid"/> still verifies: false once the key is revoked or its window closed.</summary>
    public bool Trusts(string? kid) => !UsesKeyPairs || (kid is not null && Find(kid) is not null);

    private KeyPair? Find(string kid)
    {
        var current = keys;
        return current.IndexOf.TryGetValue(kid, out var i) && IsPublished(current.Ordered[i], current.NextActivation(i), clock.GetUtcNow().UtcDateTime)
            ? current.Ordered[i]
            : null;
    }

    private bool IsPublished(KeyPair key, DateTime? nextActivation, DateTime now) =>
        StateOf(key.Row, nextActivation, now) is SigningKeyState.Pending or SigningKeyState.Signing or SigningKeyState.Verifying;

    /// <summary>The keys as one immutable value, swapped whole, so a reader never sees half a reload.</summary>
    private sealed class KeySet
    {
        public static readonly KeySet Empty = new([]);

        public KeySet(List<KeyPair> ordered)
        {
            Ordered = ordered;
            ByKid = ordered.ToDictionary(k => k.Kid, StringComparer.Ordinal);
            IndexOf = ordered.Select((k, i) => (k.Kid, i)).ToDictionary(p => p.Kid, p => p.i, StringComparer.Ordinal);
        }

        public List<KeyPair> Ordered { get; }
        public Dictionary<string, KeyPair> ByKid { get; }
        public Dictionary<string, int> IndexOf { get; }

        public DateTime? NextActivation(int index) => index + 1 < Ordered.Count ? Ordered[index + 1].Row.ActivatesOn : null;

        public KeyPair? Signing(DateTime now) => Ordered.LastOrDefault(k => k.Row.ActivatesOn <= now);
    }
}
