namespace Boilerplate.ServiceInterface.Users;

/// <summary>
/// What an account change needs from sessions: a demoted or locked user must not stay signed in
/// anywhere. Users declares it and Sessions provides it, so Users knows nothing of tokens.
/// </summary>
public interface IUserSessions
{
    /// <summary>Ends every session of the user, on every host; tokens issued before now are refused.</summary>
    Task EndAllAsync(Data.UserRecord user, CancellationToken cancel = default);
}
