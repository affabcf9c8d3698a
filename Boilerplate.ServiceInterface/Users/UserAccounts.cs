using System.Security.Claims;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Async;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Users;

public sealed class UserExistsException() : Exception("User already exists. Please Log in.");

/// <summary>Creating and removing accounts: shared by registration, the admin services and the CLI.</summary>
public sealed class UserAccounts(AppDb db, PasswordHasher passwords, SecurityStamps stamps, TimeProvider clock)
{
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The user signing in with an email or, without an '@', a username; null when none.</summary>
    public Task<UserRecord?> FindBySignInAsync(string emailOrUsername, CancellationToken cancel = default)
    {
        var key = emailOrUsername.Trim().ToLowerInvariant();
        return key.Contains('@', StringComparison.Ordinal)
            ? db.Users.FirstOrDefaultAsync(u => u.Email == key, cancel)
            : db.Users.FirstOrDefaultAsync(u => Sql.Lower(u.Username) == key, cancel);
    }

    /// <exception cref="UserExistsException">The email or the username is taken.</exception>
    public async Task<UserRecord> CreateAsync(string email, string username, string password, bool admin, CancellationToken cancel = default)
    {
        email = NormalizeEmail(email);
        username = username.Trim();
        var usernameKey = username.ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.Email == email || Sql.Lower(u.Username) == usernameKey, cancel))
            throw new UserExistsException();

        var user = new UserRecord
        {
            PublicId = Guid.NewGuid().ToString(),
            Email = email,
            Username = username,
            PasswordHash = await passwords.HashAsync(password, cancel),
            Admin = admin,
            RegisteredOn = clock.GetUtcNow().UtcDateTime,
        };
        try
        {
            user.Id = await db.InsertWithInt64IdentityAsync(user, token: cancel);
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Two registrations raced past the check above; the unique index let one through.
            throw new UserExistsException();
        }
        return user;
    }

    /// <summary>The signed-in caller's record; a valid token whose user has gone is no longer a credential.</summary>
    public async Task<UserRecord> CallerAsync(ClaimsPrincipal caller, CancellationToken cancel = default)
    {
        var user = caller.PublicId() is { } publicId ? await db.UserByPublicIdAsync(publicId, cancel) : null;
        return user ?? throw new TokenException(AuthMessages.InvalidToken);
    }

    /// <summary>Deletes the user (their refresh tokens go with them) and kills their tokens at once.</summary>
    /// <exception cref="HttpError">409 when the user is the last admin who can still sign in.</exception>
    public async Task DeleteAsync(UserRecord user, CancellationToken cancel = default)
    {
        await KeepingAnAdminAsync(user, async () =>
        {
            await db.RefreshTokens.Where(t => t.UserId == user.Id).DeleteAsync(cancel);
            await db.Users.Where(u => u.Id == user.Id).DeleteAsync(cancel);
        }, cancel);
        stamps.Forget(user.PublicId);
    }

    /// <summary>
    /// Makes a change that may take an admin away (demotion, lock, deletion) unless the user is
    /// the last admin who can still sign in. Check and change share one transaction that first
    /// writes every active admin's row: concurrent changes then queue behind one another (SQLite
    /// has one writer; PostgreSQL locks the rows) and each counts what the one before it left.
    /// Without that, two admins demoting each other at once could both see the other remain.
    /// </summary>
    /// <exception cref="HttpError">409 when the user is the last admin who can still sign in.</exception>
    public async Task KeepingAnAdminAsync(UserRecord user, Func<Task> change, CancellationToken cancel = default)
    {
        await using var transaction = await db.BeginTransactionAsync(cancel);
        await db.Users.Where(u => u.Admin && !u.Locked).Set(u => u.Admin, true).UpdateAsync(cancel);
        var isActiveAdmin = await db.Users.AnyAsync(u => u.Id == user.Id && u.Admin && !u.Locked, cancel);
        if (isActiveAdmin && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Admin && !u.Locked, cancel))
            throw HttpError.Conflict("This is the last admin: make another admin first.", "LastAdmin");
        await change();
        await transaction.CommitTransactionAsync(cancel);
    }
}
