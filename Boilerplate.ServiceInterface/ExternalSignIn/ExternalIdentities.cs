using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.ExternalSignIn;

/// <summary>The external identities linked to accounts, and whether an account keeps a way in without one.</summary>
public sealed class ExternalIdentities(AppDb db, TimeProvider clock)
{
    public Task<ExternalIdentityRecord?> FindAsync(string issuer, string subject, CancellationToken cancel = default) =>
        db.ExternalIdentities.FirstOrDefaultAsync(i => i.Issuer == issuer && i.Subject == subject, cancel);

    public Task<ExternalIdentityRecord?> FindAsync(long userId, string provider, CancellationToken cancel = default) =>
        db.ExternalIdentities.FirstOrDefaultAsync(i => i.UserId == userId && i.Provider == provider, cancel);

    public Task<List<ExternalIdentityRecord>> ListAsync(long userId, CancellationToken cancel = default) =>
        db.ExternalIdentities.Where(i => i.UserId == userId).OrderBy(i => i.LinkedOn).ToListAsync(cancel);

    /// <exception cref="ExternalIdentityTakenException">The unique indexes refused it: linked meanwhile, here or elsewhere.</exception>
    /// <param name="signingIn">The identity is linked as it signs in (not from the account page): it is used now.</param>
    public async Task LinkAsync(long userId, VouchedIdentity identity, bool signingIn, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.InsertAsync(new ExternalIdentityRecord
            {
                UserId = userId,
                Provider = identity.Provider,
                Issuer = identity.Issuer,
                Subject = identity.Subject,
                Email = identity.Email,
                LinkedOn = now,
                LastUsedOn = signingIn ? now : null,
            }, token: cancel);
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ExternalIdentityTakenException();
        }
    }

    public Task UsedAsync(ExternalIdentityRecord identity, CancellationToken cancel = default) =>
        db.ExternalIdentities.Where(i => i.Id == identity.Id).Set(i => i.LastUsedOn, clock.GetUtcNow().UtcDateTime).UpdateAsync(cancel);

    public Task DeleteAsync(ExternalIdentityRecord identity, CancellationToken cancel = default) =>
        db.ExternalIdentities.Where(i => i.Id == identity.Id).DeleteAsync(cancel);

    /// <summary>True when the account signs in some other way than <paramref name="identity"/>: its password, a passkey, or another provider.</summary>
    public async Task<bool> HasOtherWayInAsync(UserRecord user, ExternalIdentityRecord identity, CancellationToken cancel = default) =>
        user.PasswordHash.Length > 0
        || await db.Passkeys.AnyAsync(p => p.UserId == user.Id, cancel)
        || await db.ExternalIdentities.AnyAsync(i => i.UserId == user.Id && i.Id != identity.Id, cancel);
}

/// <summary>What a provider's ID token said, once its signature, issuer, audience, expiry and nonce have been checked.</summary>
public sealed record VouchedIdentity(string Provider, string Issuer, string Subject, string? Email, bool EmailVerified, string? Name);

/// <summary>The identity, or the account's identity of this provider, was linked meanwhile.</summary>
public sealed class ExternalIdentityTakenException() : Exception("This identity is linked to another account already.");
