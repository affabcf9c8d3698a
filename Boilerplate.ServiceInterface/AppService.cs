using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.ApiKeys;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceInterface.Sessions;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.TwoFactor;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;
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

    /// <summary>
    /// Makes a change and stores its row of the audit trail in one transaction, both or neither:
    /// what was done (<see cref="AuditEventNames"/>), to whom, by the caller, from their address,
    /// and with which API key when the caller came with one.
    /// </summary>
    protected Task AuditedAsync(string eventName, string? userId, Func<Task> change, string? details = null)
    {
        if (Request.GetClaimsPrincipal().FindFirst(ApiKeyAcceptance.KeyIdClaim)?.Value is { } key)
            details = details is null ? $"apikey={key}" : $"{details} apikey={key}";
        return Db.AtomicallyAsync(async () =>
        {
            await change();
            await Resolve<AuditTrail>().RecordAsync(eventName, userId, GetSession().UserAuthId, ClientIp, details, Cancel);
        }, Cancel);
    }

    /// <summary>The user as the API shows them, with their roles and permissions as they stand.</summary>
    protected User Shown(UserRecord user) => UserMapping.ToDto(user, Resolve<RoleCatalog>());

    /// <summary>True when the caller holds the permission (an admin holds them all), as the token's check found the account.</summary>
    protected bool CallerMay(string permission) => GetSession().Permissions.Contains(permission);

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

    /// <summary>
    /// The account a route names, for an act on it under a user permission; 404 when it names none.
    /// An admin's is for admins only (403), so a support role cannot lock out or delete its admins.
    /// </summary>
    protected async Task<UserRecord> ManagedUserAsync(string? publicId)
    {
        var user = await UserAsync(publicId);
        if (user.Admin && !GetSession().Roles.Contains(RoleNames.Admin))
            throw HttpError.Forbidden(AuthMessages.AdminOnlyOnAdmin);
        return user;
    }

    /// <summary>
    /// A sensitive change is confirmed as a sign-in is: the account's password, and a current code
    /// when two-factor sign-in is on; each a guess that counts toward the lockout
    /// (<see cref="Guesses"/>), and audited when wrong. 400 on the field that does not match.
    /// </summary>
    protected async Task ConfirmAsync(UserRecord user, string? password, string? code, string passwordField = "password")
    {
        await CheckAsync(user, await Resolve<Guesses>().PasswordAsync(user, password, ClientIp, Cancel), "InvalidPassword", $"{passwordField} does not match.", passwordField);
        if (user.MfaEnabled)
            await CheckAsync(user, await Resolve<Guesses>().CodeAsync(user, code, ClientIp, Cancel), "InvalidCode", AuthMessages.BadCode, "code");
        await Resolve<Guesses>().ClearAsync(user, Cancel);
    }

    /// <summary>How long after a sign-in with the password (or through a provider) its session may add a way in (a passkey, an API key) without signing in again.</summary>
    public static readonly TimeSpan RecentSignIn = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A new way into the account (a passkey, an API key) takes what a sign-in takes: a verified
    /// address when Auth:RequireVerifiedEmail says so, and the password with a current code
    /// (<see cref="ConfirmAsync"/>), unless the session signed in with the password moments ago, or
    /// through a provider (an account made through one has no password to type).
    /// </summary>
    protected async Task ConfirmNewWayInAsync(UserRecord user, string? password, string? code)
    {
        if (Resolve<IOptions<AuthSettings>>().Value.RequireVerifiedEmail && !user.EmailVerified)
            throw new EmailNotVerifiedException();
        if (!SignedInFreshlyWithin(RecentSignIn))
            await ConfirmAsync(user, password, code);
    }

    /// <summary>A change confirmed with a current code alone, of a secret being set up: a guess as well.</summary>
    protected async Task RequireCodeAsync(UserRecord user, string? code)
    {
        await CheckAsync(user, await Resolve<Guesses>().CodeAsync(user, code, ClientIp, Cancel), "InvalidCode", AuthMessages.BadCode, "code");
        await Resolve<Guesses>().ClearAsync(user, Cancel);
    }

    private async Task CheckAsync(UserRecord user, Guess guess, string errorCode, string message, string field)
    {
        if (guess == Guess.Right)
            return;
        var reason = guess == Guess.LockedOut ? "locked out" : errorCode;
        Audit.ConfirmationFailed(user.PublicId, reason, ClientIp);
        // On record whether or not the client still waits, as a failed sign-in is.
        await Resolve<AuditTrail>().RecordAsync(AuditEventNames.ConfirmationFailed, user.PublicId, user.PublicId, ClientIp, $"reason={reason}", CancellationToken.None);
        throw guess == Guess.LockedOut
            ? HttpError.Validation("LockedOut", AuthMessages.LockedOut, field)
            : HttpError.Validation(errorCode, message, field);
    }

    /// <summary>
    /// True when the caller's access token is the first of a sign-in with the password or through a
    /// provider (each with its code when the account has a second factor), made within
    /// <paramref name="window"/>: not a renewal, not a passkey.
    /// </summary>
    protected bool SignedInFreshlyWithin(TimeSpan window)
    {
        var token = Request.GetClaimsPrincipal();
        var methods = token.FindAll(TokenClaims.Methods).Select(c => c.Value).ToList();
        return long.TryParse(token.FindFirst(TokenClaims.AuthTime)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
               && (methods.Contains("pwd") || methods.Contains("fed"))
               && Resolve<TimeProvider>().GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) < window;
    }

    /// <summary>A security notice to the account's address, e.g. <see cref="AccountMail.PasskeyAdded"/>: through the outbox, with the change.</summary>
    protected Task NotifyAsync(UserRecord user, string notice) =>
        Resolve<MailOutbox>().QueueAsync(AccountMail.Notice, user.Email, user.Id, detail: notice, cancel: Cancel);

    /// <summary>
    /// Every way into an account ends here: a new session for <paramref name="user"/>, its id and
    /// its tokens for the body (null when they were set as cookies), if <paramref name="proof"/> is
    /// enough for the account. An account with a second factor needs it from every way in, a
    /// password reset's mailed link included.
    /// </summary>
    /// <exception cref="MfaRequiredException">The account has a second factor the proof lacks: its mfa_token continues at LoginMfa.</exception>
    protected async Task<(string SessionId, SessionTokens? Body)> StartSessionAsync(UserRecord user, SignInProof proof)
    {
        if (user.MfaEnabled && !proof.HasSecondFactor())
            throw new MfaRequiredException(await Resolve<MfaChallenges>().IssueAsync(user, afterExternal: proof == SignInProof.External, Cancel));
        var session = await Resolve<SessionStore>().StartAsync(user, SessionClient.Of(Request), proof, Cancel);
        return (session.SessionId, Resolve<TokenDelivery>().Deliver(Request, session));
    }

    /// <summary>
    /// <see cref="StartSessionAsync"/> answered as the seed's token response; a
    /// <see cref="LoginResponse"/> answers a missing second factor as <c>mfa_required</c> with the
    /// mfa_token instead of failing.
    /// </summary>
    protected async Task<T> SignedInAsync<T>(UserRecord user, T response, SignInProof proof) where T : TokenResponse
    {
        try
        {
            var (_, tokens) = await StartSessionAsync(user, proof);
            response.Authorization = tokens?.AccessToken;
            response.RefreshToken = tokens?.RefreshToken;
            response.RefreshTokenExpiry = tokens?.RefreshTokenExpiry;
        }
        catch (MfaRequiredException pending) when (response is LoginResponse login)
        {
            login.Status = LoginResponse.MfaRequired;
            login.Message = "Enter the code from your authenticator app, or a recovery code.";
            login.MfaToken = pending.MfaToken;
        }
        return response;
    }

    private T Resolve<T>() where T : class =>
        TryResolve<T>() ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered with the host.");
}
