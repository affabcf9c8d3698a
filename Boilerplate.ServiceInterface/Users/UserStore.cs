using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Roles;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>
/// Every read and write of the <c>user</c> table, for every service and the command line; scoped
/// to a request. A row is found by its public id, its sign-in name or its internal id; a change
/// is one conditional update, so two requests changing one user never lose each other's write.
/// A write of what a request is judged by or a User shows evicts the user from
/// <see cref="UserCache"/> once written.
/// </summary>
public sealed class UserStore(AppDb db, UserCache cache, UserStates states)
{
    /// <summary>Emails are kept lower-cased, so one address is one account whatever its casing.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>What a username is unique by, as the index on <c>lower(username)</c> sees it: "Alice" and "alice" are one name.</summary>
    public static string UsernameKey(string username) => username.Trim().ToLowerInvariant();

    /// <summary>The user as GET /user/me and GET /user/{public_id} show them, from <see cref="UserCache"/> while no change has evicted them.</summary>
    public async Task<User?> FindShownAsync(string publicId, CancellationToken cancel = default) =>
        (await states.FindAsync(publicId, cancel)).Shown;

    /// <summary>The user with this public id, or null, read from the table: for decisions that need the whole row.</summary>
    public Task<UserRecord?> FindByPublicIdAsync(string publicId, CancellationToken cancel = default) =>
        UserStates.ReadAsync(db.Options, publicId, cancel);

    /// <summary>The user a route's <c>{public_id}</c> names; null when it names none, a malformed id included.</summary>
    public async Task<UserRecord?> FindByRouteIdAsync(string? publicId, CancellationToken cancel = default) =>
        Guid.TryParse(publicId, out var parsed) ? await FindByPublicIdAsync(parsed.ToString(), cancel) : null;

    public Task<UserRecord?> FindByIdAsync(long id, CancellationToken cancel = default) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id, cancel);

    /// <summary>The user signing in with an email or, without an '@', a username (any casing); null when none.</summary>
    public Task<UserRecord?> FindBySignInAsync(string emailOrUsername, CancellationToken cancel = default)
    {
        var key = emailOrUsername.Trim().ToLowerInvariant();
        return key.Contains('@', StringComparison.Ordinal)
            ? db.Users.FirstOrDefaultAsync(u => u.Email == key, cancel)
            : db.Users.FirstOrDefaultAsync(u => Sql.Lower(u.Username) == key, cancel);
    }

    public Task<UserRecord?> FindByEmailAsync(string email, CancellationToken cancel = default)
    {
        var key = NormalizeEmail(email);
        return db.Users.FirstOrDefaultAsync(u => u.Email == key, cancel);
    }

    public Task<bool> IsEmailTakenAsync(string email, CancellationToken cancel = default)
    {
        var key = NormalizeEmail(email);
        return db.Users.AnyAsync(u => u.Email == key, cancel);
    }

    /// <summary>True when an account already has this (normalized) email or this username in any casing.</summary>
    public Task<bool> IsTakenAsync(string email, string username, CancellationToken cancel = default)
    {
        var usernameKey = UsernameKey(username);
        return db.Users.AnyAsync(u => u.Email == email || Sql.Lower(u.Username) == usernameKey, cancel);
    }

    /// <exception cref="UserExistsException">The unique index refused the email or the username.</exception>
    public async Task InsertAsync(UserRecord user, CancellationToken cancel = default)
    {
        try
        {
            user.Id = await db.InsertWithInt64IdentityAsync(user, token: cancel);
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new UserExistsException();
        }
    }

    public Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancel = default) =>
        db.Users.Where(u => u.Id == id).Set(u => u.PasswordHash, passwordHash).UpdateAsync(cancel);

    public Task SetEmailVerifiedAsync(UserRecord user, CancellationToken cancel = default) =>
        EvictAfter(user, db.Users.Where(u => u.Id == user.Id && !u.EmailVerified).Set(u => u.EmailVerified, true).UpdateAsync(cancel));

    /// <summary>Moves the account to a new address, verified by the link that was followed.</summary>
    /// <exception cref="UserExistsException">Another account took the address meanwhile.</exception>
    public async Task SetEmailAsync(UserRecord user, string email, CancellationToken cancel = default)
    {
        try
        {
            await EvictAfter(user, db.Users.Where(u => u.Id == user.Id).Set(u => u.Email, NormalizeEmail(email)).Set(u => u.EmailVerified, true).UpdateAsync(cancel));
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new UserExistsException();
        }
    }

    /// <summary>Forgets failed sign-ins and ends a lockout: the owner proved themselves another way.</summary>
    public Task ClearLockoutAsync(long id, CancellationToken cancel = default) =>
        db.Users.Where(u => u.Id == id)
            .Set(u => u.FailedSignIns, 0).Set(u => u.FirstFailedSignInOn, (DateTime?)null).Set(u => u.LockedOutUntil, (DateTime?)null)
            .UpdateAsync(cancel);

    public Task SetAdminAsync(UserRecord user, bool admin, CancellationToken cancel = default) =>
        EvictAfter(user, db.Users.Where(u => u.Id == user.Id).Set(u => u.Admin, admin).UpdateAsync(cancel));

    public Task SetLockedAsync(UserRecord user, bool locked, CancellationToken cancel = default) =>
        EvictAfter(user, db.Users.Where(u => u.Id == user.Id).Set(u => u.Locked, locked).UpdateAsync(cancel));

    public Task SetMfaEnabledAsync(UserRecord user, bool enabled, CancellationToken cancel = default) =>
        EvictAfter(user, enabled
            ? db.Users.Where(u => u.Id == user.Id).Set(u => u.MfaEnabled, true).UpdateAsync(cancel)
            : db.Users.Where(u => u.Id == user.Id).Set(u => u.MfaEnabled, false).Set(u => u.TotpSecret, (string?)null).Set(u => u.TotpLastStep, (long?)null).UpdateAsync(cancel));

    /// <summary>A TOTP secret awaiting its first code (encrypted by the caller); no step of it is taken yet.</summary>
    public Task SetPendingTotpSecretAsync(long id, string protectedSecret, CancellationToken cancel = default) =>
        db.Users.Where(u => u.Id == id).Set(u => u.TotpSecret, protectedSecret).Set(u => u.TotpLastStep, (long?)null).UpdateAsync(cancel);

    /// <summary>
    /// Takes a TOTP step unless it or a later one was taken, with one conditional update: a code is
    /// good once, on this host or another, and no code of an earlier step gets in after it.
    /// </summary>
    public async Task<bool> TakeTotpStepAsync(long id, long step, CancellationToken cancel = default) =>
        await db.Users.Where(u => u.Id == id && (u.TotpLastStep == null || u.TotpLastStep < step)).Set(u => u.TotpLastStep, step).UpdateAsync(cancel) == 1;

    /// <summary>Sets the user's roles and own permissions in one conditional update of the row as read: false when they changed meanwhile.</summary>
    public async Task<bool> SetGrantsAsync(UserRecord user, string roles, string permissions, CancellationToken cancel = default)
    {
        var written = await db.Users
            .Where(u => u.Id == user.Id && u.Roles == user.Roles && u.Permissions == user.Permissions)
            .Set(u => u.Roles, roles).Set(u => u.Permissions, permissions)
            .UpdateAsync(cancel) == 1;
        cache.Evict(user.PublicId);
        if (written)
            (user.Roles, user.Permissions) = (roles, permissions);
        return written;
    }

    /// <summary>Takes a deleted role from everyone who held it, within the caller's transaction; evict them with <see cref="Committed"/> once it commits.</summary>
    public async Task<List<UserRecord>> TakeRoleFromAllAsync(string role, CancellationToken cancel = default)
    {
        var padded = $" {role} ";
        var holders = await db.Users.Where(u => (" " + u.Roles + " ").Contains(padded)).ToListAsync(cancel);
        foreach (var holder in holders)
        {
            holder.Roles = GrantNames.Format(GrantNames.Parse(holder.Roles).Where(r => r != role));
            await db.Users.Where(u => u.Id == holder.Id).Set(u => u.Roles, holder.Roles).UpdateAsync(cancel);
        }
        return holders;
    }

    /// <summary>Deletes the row; the user's refresh tokens go with it (the foreign key cascades).</summary>
    public Task DeleteAsync(UserRecord user, CancellationToken cancel = default) =>
        EvictAfter(user, db.Users.Where(u => u.Id == user.Id).DeleteAsync(cancel));

    /// <summary>Evicts the user from the cache again once a transaction that changed their row has committed.</summary>
    public void Committed(UserRecord user) => cache.Evict(user.PublicId);

    private async Task EvictAfter(UserRecord user, Task<int> write)
    {
        await write;
        cache.Evict(user.PublicId);
        // Within a transaction, a read between the write and the commit still sees the old row: evict once more when it commits.
        db.WhenCommitted(() => cache.Evict(user.PublicId));
    }

    /// <summary>Moves the user's security stamp on in one update and returns the new one: every token issued before carries an older one.</summary>
    public async Task<int> AdvanceSecurityStampAsync(UserRecord user, CancellationToken cancel = default)
    {
        await EvictAfter(user, db.Users.Where(u => u.Id == user.Id).Set(u => u.SecurityStamp, u => u.SecurityStamp + 1).UpdateAsync(cancel));
        return await db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).FirstAsync(cancel);
    }

    /// <summary>One transaction on the request's connection (<see cref="AppDb.AtomicallyAsync{T}"/>): the store's writes, the outbox's and the audit trail's commit together.</summary>
    public Task<T> AtomicallyAsync<T>(Func<Task<T>> work, CancellationToken cancel = default) => db.AtomicallyAsync(work, cancel);

    /// <summary>
    /// Counts one guess (a password or a code about to be checked) in one conditional update,
    /// starting a new window when the last one is over: false, and nothing counted, while the
    /// account is locked out or the window's <paramref name="limit"/> of guesses is used up. The
    /// database settles guesses that arrive together, so no more than the limit are ever let through.
    /// </summary>
    public async Task<bool> TakeGuessAsync(long id, DateTime now, DateTime windowStart, int limit, CancellationToken cancel = default) =>
        await db.Users.Where(u => u.Id == id && (u.LockedOutUntil == null || u.LockedOutUntil <= now)
                                  && (u.FirstFailedSignInOn == null || u.FirstFailedSignInOn < windowStart || u.FailedSignIns < limit))
            .Set(u => u.FailedSignIns, u => u.FirstFailedSignInOn == null || u.FirstFailedSignInOn < windowStart ? 1 : u.FailedSignIns + 1)
            .Set(u => u.FirstFailedSignInOn, u => u.FirstFailedSignInOn == null || u.FirstFailedSignInOn < windowStart ? now : u.FirstFailedSignInOn)
            .UpdateAsync(cancel) == 1;

    /// <summary>Gives back a guess that was right: only wrong ones stay counted.</summary>
    public Task GiveBackGuessAsync(long id, CancellationToken cancel = default) =>
        db.Users.Where(u => u.Id == id && u.FailedSignIns > 0).Set(u => u.FailedSignIns, u => u.FailedSignIns - 1).UpdateAsync(cancel);

    /// <summary>Locks the user out until <paramref name="until"/> when the count has reached <paramref name="limit"/>; true when it did.</summary>
    public async Task<bool> LockOutAtLimitAsync(long id, int limit, DateTime until, CancellationToken cancel = default) =>
        await db.Users.Where(u => u.Id == id && u.FailedSignIns >= limit)
            .Set(u => u.LockedOutUntil, until).Set(u => u.FailedSignIns, 0).Set(u => u.FirstFailedSignInOn, (DateTime?)null)
            .UpdateAsync(cancel) > 0;

    public Task ClearFailedSignInsAsync(long id, CancellationToken cancel = default) =>
        db.Users.Where(u => u.Id == id && u.FailedSignIns > 0)
            .Set(u => u.FailedSignIns, 0).Set(u => u.FirstFailedSignInOn, (DateTime?)null).UpdateAsync(cancel);

    /// <summary>
    /// Within a transaction, first writes every active admin's row, so that changes which may
    /// take an admin away queue behind one another (SQLite has one writer; PostgreSQL locks the
    /// rows) and each counts what the one before it left.
    /// </summary>
    public Task HoldActiveAdminsAsync(CancellationToken cancel = default) =>
        db.Users.Where(u => u.Admin && !u.Locked).Set(u => u.Admin, true).UpdateAsync(cancel);

    /// <summary>True when the user is an admin who can sign in and no other such admin exists.</summary>
    public async Task<bool> IsLastActiveAdminAsync(long id, CancellationToken cancel = default) =>
        await db.Users.AnyAsync(u => u.Id == id && u.Admin && !u.Locked, cancel)
        && !await db.Users.AnyAsync(u => u.Id != id && u.Admin && !u.Locked, cancel);
}
