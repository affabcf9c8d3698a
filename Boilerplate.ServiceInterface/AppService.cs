using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.Sessions;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.TwoFactor;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface;

/// <summary>
/// The base of the app's services: ServiceStack's <see cref="Service"/>, plus what account
/// operations keep needing, written once. The caller and a user named by a route, the password
/// and code checks, and starting a session whose tokens travel as the request asks. What these
/// use is resolved when first needed, as ServiceStack's own Service resolves its Db, so a service's
/// constructor names only what is its own.
/// </summary>
public abstract class AppService : Service
{
    protected CancellationToken Cancel => Request.RequestAborted;

    /// <summary>The client's address, as the audit log and the session list record it.</summary>
    protected string ClientIp => Request.RemoteIp;

    /// <summary>The request's database context, as ServiceStack's Service has its <c>Db</c>.</summary>
    protected AppDb Db => Resolve<AppDb>();

    protected UserStore Users => Resolve<UserStore>();

    protected AuditLog Audit => Resolve<AuditLog>();

    /// <summary>The signed-in caller's account.</summary>
    /// <exception cref="UnknownCallerException">The account has gone since the token was issued.</exception>
    protected async Task<UserRecord> CallerAsync()
    {
        var session = await GetSessionAsync();
        var user = session.UserAuthId is { } publicId ? await Users.FindByPublicIdAsync(publicId, Cancel) : null;
        return user ?? throw new UnknownCallerException();
    }

    /// <summary>The account a route's <c>{public_id}</c> names; 404 when it names none.</summary>
    protected async Task<UserRecord> UserAsync(string? publicId) =>
        await Users.FindByRouteIdAsync(publicId, Cancel) ?? throw HttpError.NotFound("User not found.");

    /// <summary>A change that must be confirmed with the account's password: 400 on <paramref name="field"/> when it does not match.</summary>
    protected async Task RequirePasswordAsync(UserRecord user, string? password, string field = "password")
    {
        if (!await Resolve<PasswordHasher>().VerifyAsync(password ?? "", user.PasswordHash, Cancel))
            throw HttpError.Validation("InvalidPassword", $"{field} does not match.", field);
    }

    /// <summary>A change that must be confirmed with a current code from the authenticator app: 400 when it is not one.</summary>
    protected async Task RequireCodeAsync(UserRecord user, string? code, string field = "code")
    {
        if (!await Resolve<SecondFactor>().AcceptCodeAsync(user, code, Cancel))
            throw HttpError.Validation("InvalidCode", AuthMessages.BadCode, field);
    }

    /// <summary>A new session for <paramref name="user"/>: its id, and its tokens for the body (null when they were set as cookies).</summary>
    protected async Task<(string SessionId, SessionTokens? Body)> StartSessionAsync(UserRecord user)
    {
        var session = await Resolve<SessionStore>().StartAsync(user, SessionClient.Of(Request), Cancel);
        return (session.SessionId, Resolve<TokenDelivery>().Deliver(Request, session));
    }

    /// <summary>A new session for <paramref name="user"/>, answered as the seed's token response.</summary>
    protected async Task<T> SignedInAsync<T>(UserRecord user, T response) where T : TokenResponse
    {
        var (_, tokens) = await StartSessionAsync(user);
        response.Authorization = tokens?.AccessToken;
        response.RefreshToken = tokens?.RefreshToken;
        response.RefreshTokenExpiry = tokens?.RefreshTokenExpiry;
        return response;
    }

    protected Task<TokenResponse> SignedInAsync(UserRecord user, string message) => SignedInAsync(user, new TokenResponse { Message = message });

    private T Resolve<T>() where T : class =>
        TryResolve<T>() ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered with the host.");
}
