using System.Collections.Concurrent;
using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.ServiceInterface.Registration;

/// <summary>
/// The emails and usernames of the registrations in flight on this host. A registration holds
/// its names from before the database check until it ends, so a second one for either name is
/// refused at once instead of waiting for bcrypt to hash a password the unique index would then
/// refuse. It holds on one host only: registrations racing on two hosts may each spend a hash,
/// and the unique index still lets only one of them in. An entry lives only while its
/// registration runs, so memory is bounded by the requests in flight.
/// </summary>
public sealed class RegistrationReservations
{
    private readonly ConcurrentDictionary<string, byte> emails = new();
    private readonly ConcurrentDictionary<string, byte> usernames = new();

    /// <summary>Holds both names until the returned reservation is disposed.</summary>
    /// <exception cref="UserExistsException">Another registration in flight holds the email or the username.</exception>
    public Reservation Reserve(string email, string username)
    {
        var emailKey = UserStore.NormalizeEmail(email);
        var usernameKey = UserStore.UsernameKey(username);
        // Refused as taken: should the holder then fail (e.g. 503 busy), this one could have succeeded, but a retry gets the right answer.
        if (!emails.TryAdd(emailKey, 0))
            throw new UserExistsException();
        if (!usernames.TryAdd(usernameKey, 0))
        {
            emails.TryRemove(emailKey, out _);
            throw new UserExistsException();
        }
        return new Reservation(this, emailKey, usernameKey);
    }

    /// <summary>The names one registration holds; disposing it lets them go.</summary>
    public sealed class Reservation : IDisposable
    {
        private readonly RegistrationReservations owner;
        private readonly string emailKey;
        private readonly string usernameKey;
        private int released;

        internal Reservation(RegistrationReservations owner, string emailKey, string usernameKey) =>
            (this.owner, this.emailKey, this.usernameKey) = (owner, emailKey, usernameKey);

        public void Dispose()
        {
            // Twice would free names a later registration has reserved since.
            if (Interlocked.Exchange(ref released, 1) == 1)
                return;
            owner.emails.TryRemove(emailKey, out _);
            owner.usernames.TryRemove(usernameKey, out _);
        }
    }
}
