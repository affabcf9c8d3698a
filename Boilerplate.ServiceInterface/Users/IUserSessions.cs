
namespace Boilerplate.ServiceInterface.Users;

/// <summary>
/// What an account change needs from sign-in: a demoted, locked or deleted user must not stay
/// signed in anywhere. Users declares it and Auth provides it, so Users knows nothing of tokens.
/// </summary>
public interface IUserSessions
{
    /// <summary>Ends every session of the user, on every host; tokens issued before now are refused.</summary>
    Task EndAllAsync(Data.UserRecord user, CancellationToken cancel = default);

    /// <summary>The user is gone: every token they hold is refused, whatever it says.</summary>
    void Deleted(Data.UserRecord user);
}
