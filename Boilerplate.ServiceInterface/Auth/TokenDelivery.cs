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

    public TokenResponse Token(IRequest request, SessionTokens session, string message) => Fill(new TokenResponse { Message = message }, request, session);

    public LoginResponse Login(IRequest request, SessionTokens session, string message) => Fill(new LoginResponse { Message = message }, request, session);

    private T Fill<T>(T response, IRequest request, SessionTokens session) where T : TokenResponse
    {
        var body = Deliver(request, session);
        response.Authorization = body?.AccessToken;
        response.RefreshToken = body?.RefreshToken;
        response.RefreshTokenExpiry = body?.RefreshTokenExpiry;
        return response;
    }
}
