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
        var publicId = caller.PublicId();
        return await db.Users.FirstOrDefaultAsync(u => u.PublicId == publicId, cancel)
            ?? throw new TokenException(AuthMessages.InvalidToken);
    }

    /// <summary>Deletes the user (their refresh tokens go with them) and kills their tokens at once.</summary>
    public async Task DeleteAsync(UserRecord user, CancellationToken cancel = default)
    {
        await EnsureNotLastAdminAsync(user, cancel);
        await db.RefreshTokens.Where(t => t.UserId == user.Id).DeleteAsync(cancel);
        await db.Users.Where(u => u.Id == user.Id).DeleteAsync(cancel);
        stamps.Forget(user.PublicId);
    }

    /// <exception cref="HttpError">409 when the user is the last admin who can still sign in.</exception>
    public async Task EnsureNotLastAdminAsync(UserRecord user, CancellationToken cancel = default)
    {
        if (user.Admin && !user.Locked && await db.Users.CountAsync(u => u.Admin && !u.Locked, cancel) <= 1)
            throw HttpError.Conflict("This is the last admin: make another admin first.", "LastAdmin");
    }
}
