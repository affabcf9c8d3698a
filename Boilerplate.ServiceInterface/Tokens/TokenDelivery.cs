using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;
using ServiceStack;
using ServiceStack.Web;

namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>
/// How a new session's tokens reach the client, whichever way it signed in, chosen per request as
/// ServiceStack does: in the body, or, when the request asks (<see cref="IHasUseTokenCookie"/>),
/// only as HttpOnly cookies, so no page script ever holds them. A request that does not say gets
/// them in the body, unless it renews a session signed in by cookie: that one renews by cookie.
/// </summary>
public sealed class TokenDelivery(IOptions<AuthSettings> options)
{
    private readonly AuthSettings settings = options.Value;

    /// <summary>The tokens for the body; null when they were set as cookies instead.</summary>
    public SessionTokens? Deliver(IRequest request, SessionTokens session)
    {
        if (!UsesCookies(request))
            return session;
        TokenCookies.Set(request, session, settings);
        return null;
    }

    /// <summary>
    /// A request filter: a sign-in that asks for its session as cookies must be one another site
    /// could not have made the browser send, as a write signed in by cookie must (JSON, or the
    /// X-Requested-With header). Otherwise another site's form could sign a visitor in to its own
    /// account (login CSRF). Refused before anything else is done.
    /// </summary>
    public static Task RefuseForgeableCookieSignIn(IRequest request, IResponse response, object dto)
    {
        if (dto is IHasUseTokenCookie { UseTokenCookie: true }
            && TokenAcceptance.IsForgeable(request.Verb, request.ContentType, request.Headers[TokenAcceptance.RequestedWithHeader]))
            throw HttpError.BadRequest("ForgeableCookieRequest", AuthMessages.ForgeableCookieSignIn);
        return Task.CompletedTask;
    }

    private static bool UsesCookies(IRequest request) =>
        (request.Dto as IHasUseTokenCookie)?.UseTokenCookie ?? RenewsCookieSession(request);

    /// <summary>
    /// A renewal whose refresh token came as the <c>ss-reftok</c> cookie, or a signed-in request
    /// (a password change) whose access token came as <c>ss-tok</c>: no Authorization header.
    /// </summary>
    private static bool RenewsCookieSession(IRequest request) => string.IsNullOrEmpty(request.Authorization) && request.Dto switch
    {
        GetAccessToken renewal => string.IsNullOrEmpty(renewal.RefreshToken) && request.Cookies.ContainsKey(TokenCookies.RefreshToken),
        _ => request.GetSession().IsAuthenticated,
    };
}
