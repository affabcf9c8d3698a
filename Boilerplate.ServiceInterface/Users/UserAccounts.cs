using Boilerplate.ServiceInterface.Data;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>The rules of accounts: one per email and per username, and always an admin who can sign in.</summary>
public sealed class UserAccounts(UserStore users, IUserSessions sessions, TimeProvider clock)
{
    /// <summary>Refused before any password is hashed: the unique index stays the final word for true races.</summary>
    /// <exception cref="UserExistsException">The email or the username is taken.</exception>
    public async Task EnsureAvailableAsync(string email, string username, CancellationToken cancel = default)
    {
        if (await users.IsTakenAsync(UserStore.NormalizeEmail(email), username.Trim(), cancel))
            throw new UserExistsException();
    }

    /// <exception cref="UserExistsException">The email or the username is taken.</exception>
    public async Task<UserRecord> CreateAsync(string email, string username, string passwordHash, bool admin, bool emailVerified = false, CancellationToken cancel = default)
    {
        var user = new UserRecord
        {
            PublicId = Guid.NewGuid().ToString(),
            Email = UserStore.NormalizeEmail(email),
            Username = username.Trim(),
            PasswordHash = passwordHash,
            Admin = admin,
            EmailVerified = emailVerified,
            RegisteredOn = clock.GetUtcNow().UtcDateTime,
        };
        await users.InsertAsync(user, cancel);
        return user;
    }

    /// <summary>Grants or removes admin rights; rights removed are gone from the tokens already out there too.</summary>
    /// <exception cref="LastAdminException">Removing the last admin who can sign in.</exception>
    public async Task SetAdminAsync(UserRecord user, bool admin, CancellationToken cancel = default)
    {
        if (admin == user.Admin)
            return;
        if (admin)
            await users.SetAdminAsync(user, true, cancel);
        else
            await KeepingAnAdminAsync(user, () => users.SetAdminAsync(user, false, cancel), cancel);
        user.Admin = admin;
        if (!admin)
            await sessions.EndAllAsync(user, cancel);
    }

    /// <summary>Locks the account: its sessions end, and it can neither sign in nor refresh until unlocked.</summary>
    /// <exception cref="LastAdminException">Locking the last admin who can sign in.</exception>
    public async Task LockAsync(UserRecord user, CancellationToken cancel = default)
    {
        await KeepingAnAdminAsync(user, () => users.SetLockedAsync(user, true, cancel), cancel);
        user.Locked = true;
        await sessions.EndAllAsync(user, cancel);
    }

    public async Task UnlockAsync(UserRecord user, CancellationToken cancel = default)
    {
        await users.SetLockedAsync(user, false, cancel);
        user.Locked = false;
    }

    /// <summary>Deletes the user and everything they hold; their tokens stop working at once, on every host (a token of no user is refused).</summary>
    /// <exception cref="LastAdminException">Deleting the last admin who can sign in.</exception>
    public Task DeleteAsync(UserRecord user, CancellationToken cancel = default) =>
        KeepingAnAdminAsync(user, () => users.DeleteAsync(user, cancel), cancel);

    /// <summary>
    /// Makes a change that may take an admin away unless the user is the last admin who can still
    /// sign in; check and change share one transaction (see <see cref="UserStore.HoldActiveAdminsAsync"/>).
    /// Without that, two admins demoting each other at once could both see the other remain.
    /// </summary>
    private async Task KeepingAnAdminAsync(UserRecord user, Func<Task> change, CancellationToken cancel)
    {
        await users.AtomicallyAsync(async () =>
        {
            await users.HoldActiveAdminsAsync(cancel);
            if (await users.IsLastActiveAdminAsync(user.Id, cancel))
                throw new LastAdminException();
            await change();
            return true;
        }, cancel);
        users.Committed(user);
    }
}
