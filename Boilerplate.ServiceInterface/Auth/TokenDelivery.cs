using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;
using ServiceStack.Web;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// How a new session's tokens reach the client, whichever way it signed in: in the response body,
/// or, in cookie mode (Auth:UseTokenCookies), only as HttpOnly cookies, so no page script ever
/// holds them.
/// </summary>
public sealed class TokenDelivery(IOptions<AuthSettings> options)
{
    private readonly AuthSettings settings = options.Value;

    /// <summary>The tokens for the body; null in cookie mode, where they were set as cookies instead.</summary>
    public SessionTokens? Deliver(IRequest request, SessionTokens session)
    {
        if (!settings.UseTokenCookies)
            return session;
        TokenCookies.Set(request, session, settings);
        return null;
    }

    public TokenResponse Token(IRequest request, SessionTokens session, string message)
    {
        var body = Deliver(request, session);
        return new TokenResponse { Message = message, Authorization = body?.AccessToken, RefreshToken = body?.RefreshToken, RefreshTokenExpiry = body?.RefreshTokenExpiry };
    }

    public LoginResponse Login(IRequest request, SessionTokens session, string message)
    {
        var body = Deliver(request, session);
        return new LoginResponse { Message = message, Authorization = body?.AccessToken, RefreshToken = body?.RefreshToken, RefreshTokenExpiry = body?.RefreshTokenExpiry };
    }

    public RegistrationResponse Registration(IRequest request, SessionTokens session, string message)
    {
        var body = Deliver(request, session);
        return new RegistrationResponse { Message = message, Authorization = body?.AccessToken, RefreshToken = body?.RefreshToken, RefreshTokenExpiry = body?.RefreshTokenExpiry };
    }
}
