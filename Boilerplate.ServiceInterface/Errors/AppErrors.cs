using System.Globalization;
using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Passkeys;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.RateLimits;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.ServiceInterface.SigningKeys;
using Boilerplate.ServiceInterface.Users;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Errors;

/// <summary>
/// The one table from the app's own exceptions to answers, handed to the message layer as its
/// <c>MapException</c> hook: domain code throws what happened, and only this says what status it is.
/// </summary>
public static class AppErrors
{
    public static HttpError? ToHttpError(Exception error) => error switch
    {
        UserExistsException e => new HttpError(409, "AlreadyExists", e.Message),
        LastAdminException e => new HttpError(409, "LastAdmin", e.Message),
        SignInFailedException e => new HttpError(401, "Unauthorized", e.Message),
        EmailNotVerifiedException e => new HttpError(403, "EmailNotVerified", e.Message),
        // The token travels in the error's meta, as ServiceStack's clients keep it: the client continues with LoginMfa.
        MfaRequiredException e => new HttpError(401, "MfaRequired", e.Message)
        {
            ResponseStatus = new ResponseStatus { ErrorCode = "MfaRequired", Message = e.Message, Meta = new() { ["mfa_token"] = e.MfaToken } },
        },
        PasskeyHostException e => new HttpError(400, "PasskeyHostRequired", e.Message),
        InvalidPasskeyException e => (HttpError)HttpError.Validation(e.Code, e.Message, e.Field),
        PasskeyExistsException e => new HttpError(409, "AlreadyExists", e.Message),
        SigningKeysNotUsedException e => new HttpError(409, "NoSigningKeys", e.Message),
        InvalidEmailTokenException e => (HttpError)HttpError.Validation("InvalidToken", e.Message, "token"),
        // A valid token whose user has gone is no longer a credential.
        UnknownCallerException => new HttpError(401, nameof(TokenException), AuthMessages.InvalidToken),
        RecipientRateLimitedException e => new HttpError(429, "TooManyRequests", e.Message) { Headers = { ["Retry-After"] = e.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture) } },
        ServerBusyException e => new HttpError(503, "ServerBusy", e.Message) { Headers = { ["Retry-After"] = "1" } },
        _ when DatabaseErrors.IsUnavailable(error) =>
            new HttpError(503, "DatabaseUnavailable", "The database is unavailable. Please try again shortly.") { Headers = { ["Retry-After"] = "5" } },
        _ when DatabaseErrors.IsUnstorableText(error) =>
            new HttpError(400, "InvalidText", "The request holds a character that cannot be stored, such as NUL."),
        _ => null,
    };
}
