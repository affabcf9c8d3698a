using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.ServiceInterface.Registration;

/// <summary>Making an account with a password: registration, and the command line's create-admin.</summary>
public sealed class Registrations(
    UserAccounts accounts, RegistrationReservations reservations, UserStore users, PasswordHasher passwords, MailOutbox outbox, AppMetrics metrics)
{
    /// <summary>
    /// A user's account, with the mail that verifies its address queued in the same transaction:
    /// no account without its mail, no mail without its account. A taken email or username is
    /// refused before bcrypt runs, and so is one that a registration in flight on this host holds,
    /// so a flood of registrations of one address spends one hash; the unique index settles races
    /// between hosts.
    /// </summary>
    /// <exception cref="UserExistsException">The email or the username is taken.</exception>
    public async Task<UserRecord> RegisterAsync(string email, string username, string password, string linkBase, CancellationToken cancel = default)
    {
        var user = await CreateAsync(email, username, password, admin: false, linkBase, cancel);
        metrics.Registration("created");
        return user;
    }

    /// <summary>An admin made by an operator, whose address counts as verified.</summary>
    /// <exception cref="UserExistsException">The email or the username is taken.</exception>
    public Task<UserRecord> RegisterAdminAsync(string email, string username, string password, CancellationToken cancel = default) =>
        CreateAsync(email, username, password, admin: true, linkBase: null, cancel);

    private async Task<UserRecord> CreateAsync(string email, string username, string password, bool admin, string? linkBase, CancellationToken cancel)
    {
        try
        {
            // Held until the commit, so a registration after it finds the account in the database.
            using var reservation = reservations.Reserve(email, username);
            await accounts.EnsureAvailableAsync(email, username, cancel);
            var hash = await passwords.HashAsync(password, cancel);
            return await users.AtomicallyAsync(async () =>
            {
                var user = await accounts.CreateAsync(email, username, hash, admin, emailVerified: admin, cancel);
                if (!admin)
                    await outbox.QueueAsync(AccountMail.VerifyEmail, user.Email, user.Id, linkBase: linkBase, cancel: cancel);
                return user;
            }, cancel);
        }
        catch (UserExistsException)
        {
            metrics.Registration("taken");
            throw;
        }
    }
}
