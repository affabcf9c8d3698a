using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>The <c>passkeys</c> table. A user's rows go with the user: the foreign key cascades.</summary>
public sealed class PasskeyStore(AppDb db)
{
    public Task<List<PasskeyRecord>> ListAsync(long userId, CancellationToken cancel = default) =>
        db.Passkeys.Where(p => p.UserId == userId).OrderBy(p => p.CreatedOn).ThenBy(p => p.Id).ToListAsync(cancel);

    /// <summary>The user's passkey a route's id names; null for another user's, an unknown or a malformed id.</summary>
    public async Task<PasskeyRecord?> FindAsync(long userId, string? publicId, CancellationToken cancel = default) =>
        Guid.TryParse(publicId, out var parsed)
            ? await db.Passkeys.FirstOrDefaultAsync(p => p.UserId == userId && p.PublicId == parsed.ToString(), cancel)
            : null;

    public Task<PasskeyRecord?> FindByCredentialIdAsync(string credentialId, CancellationToken cancel = default) =>
        db.Passkeys.FirstOrDefaultAsync(p => p.CredentialId == credentialId, cancel);

    public Task<bool> ExistsAsync(string credentialId, CancellationToken cancel = default) =>
        db.Passkeys.AnyAsync(p => p.CredentialId == credentialId, cancel);

    /// <exception cref="PasskeyExistsException">Another request registered the credential first.</exception>
    public async Task InsertAsync(PasskeyRecord passkey, CancellationToken cancel = default)
    {
        try
        {
            passkey.Id = await db.InsertWithInt64IdentityAsync(passkey, token: cancel);
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new PasskeyExistsException();
        }
    }

    public Task RenameAsync(long id, string name, CancellationToken cancel = default) =>
        db.Passkeys.Where(p => p.Id == id).Set(p => p.Name, name).UpdateAsync(cancel);

    public Task DeleteAsync(long id, CancellationToken cancel = default) =>
        db.Passkeys.Where(p => p.Id == id).DeleteAsync(cancel);

    /// <summary>
    /// Records a sign-in's counter, unless another sign-in recorded one as high first: then the
    /// same counter came twice, as from a copied authenticator, and the answer is false.
    /// A counter of 0 is an authenticator that keeps none, and always goes in.
    /// </summary>
    public async Task<bool> RecordUseAsync(PasskeyRecord passkey, uint signCount, DateTime now, CancellationToken cancel = default) =>
        await db.Passkeys.Where(p => p.Id == passkey.Id && (signCount == 0 || p.SignCount < signCount))
            .Set(p => p.SignCount, (long)signCount).Set(p => p.LastUsedOn, now).UpdateAsync(cancel) == 1;
}
