using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>Making an account with a password: registration, and the command line's create-admin.</summary>
public sealed class Registrations(UserAccounts accounts, PasswordHasher passwords, AppMetrics metrics)
{
    /// <summary>
    /// A taken email or username is refused before bcrypt runs, so a flood of registrations of one
    /// address spends no hashing; the unique index settles true races.
    /// </summary>
    /// <exception cref="UserExistsException">The email or the username is taken.</exception>
    public async Task<UserRecord> RegisterAsync(string email, string username, string password, bool admin, CancellationToken cancel = default)
    {
        try
        {
            await accounts.EnsureAvailableAsync(email, username, cancel);
            var user = await accounts.CreateAsync(email, username, await passwords.HashAsync(password, cancel), admin, cancel);
            metrics.Registration("created");
            return user;
        }
        catch (UserExistsException)
        {
            metrics.Registration("taken");
            throw;
        }
    }
}
