using System.Globalization;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using LinqToDB.Async;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

public class AuthServices(
    AppDb db, UserAccounts accounts, SignIns signIns, Sessions sessions, RevokedTokens revoked, SecurityStamps stamps, AuditLog audit,
    IOptions<AuthSettings> options) : Service
{
    private readonly AuthSettings settings = options.Value;

    public async Task<TokenResponse> Post(Login request)
    {
        var user = await signIns.VerifyAsync(request.Email!, request.Password!, HttpContext.RequestAborted);
        var session = await sessions.StartAsync(user, HttpContext.RequestAborted);
        return session.ToResponse("Successfully logged in.");
    }

    public async Task<AuthenticateResponse> Post(Authenticate request)
    {
        if (string.IsNullOrEmpty(request.Provider) && string.IsNullOrEmpty(request.UserName))
            return await CurrentSessionAsync();
        if (request.Provider?.ToLowerInvariant() is not (null or "" or "credentials" or "login"))
            throw HttpError.NotFound($"No auth provider '{request.Provider}': use 'credentials'.");

        var user = await signIns.VerifyAsync(request.UserName!, request.Password!, HttpContext.RequestAborted);
        var session = await sessions.StartAsync(user, HttpContext.RequestAborted);
        return Describe(user, session.SessionId, DeliverTokens(session));
    }

    /// <summary>GET /auth: who the bearer token (or <c>ss-tok</c> cookie) belongs to; never signs in.</summary>
    public Task<AuthenticateResponse> Get(Authenticate request) => CurrentSessionAsync();

    public async Task<GetAccessTokenResponse> Post(GetAccessToken request)
    {
        var refreshToken = request.RefreshToken is { Length: > 0 } given ? given : Request.Cookies[TokenCookies.RefreshToken];
        if (string.IsNullOrEmpty(refreshToken))
            throw HttpError.BadRequest("refreshToken is required.", "NotEmpty").ForField("refreshToken");

        var session = await sessions.RefreshAsync(refreshToken, HttpContext.RequestAborted);
        var body = DeliverTokens(session);
        return new GetAccessTokenResponse
        {
            AccessToken = body?.AccessToken ?? "",
            RefreshToken = body?.RefreshToken ?? "",
            RefreshTokenExpiry = session.RefreshTokenExpiry,
        };
    }

    public async Task<StatusResponse> Post(Logout request)
    {
        // The guard let only a valid, unrevoked token through, so both claims are there.
        var tokenId = Guid.ParseExact(User.FindFirst(TokenClaims.TokenId)!.Value, "N");
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(User.FindFirst(TokenClaims.Expires)!.Value, CultureInfo.InvariantCulture));
        await revoked.RevokeAsync(db, tokenId, expires.UtcDateTime, HttpContext.RequestAborted);
        var sessionId = User.FindFirst(TokenClaims.SessionId)?.Value;
        if (sessionId is not null)
            await sessions.EndAsync(sessionId, HttpContext.RequestAborted);
        TokenCookies.Clear(HttpContext);
        audit.LoggedOut(User.PublicId()!, sessionId);
        return new StatusResponse { Message = "Successfully logged out." };
    }

    public async Task<StatusResponse> Post(LogoutAll request)
    {
        var user = await accounts.CallerAsync(User, HttpContext.RequestAborted);
        await stamps.RevokeEverywhereAsync(db, user, HttpContext.RequestAborted);
        TokenCookies.Clear(HttpContext);
        audit.LoggedOutEverywhere(user.PublicId);
        return new StatusResponse { Message = "Successfully logged out of every session." };
    }

    /// <summary>In cookie mode the tokens go into HttpOnly cookies and not the body (null is returned).</summary>
    private SessionTokens? DeliverTokens(SessionTokens session)
    {
        if (!settings.UseTokenCookies)
            return session;
        TokenCookies.Set(HttpContext, session, settings);
        return null;
    }

    private async Task<AuthenticateResponse> CurrentSessionAsync()
    {
        var result = await HttpContext.AuthenticateAsync();
        if (result.None)
            throw HttpError.Unauthorized("Not Authenticated");
        if (!result.Succeeded)
            throw result.Failure as TokenException ?? new TokenException(AuthMessages.InvalidToken);

        var user = await accounts.CallerAsync(result.Principal, HttpContext.RequestAborted);
        return Describe(user, result.Principal.FindFirst(TokenClaims.SessionId)?.Value ?? "", tokens: null);
    }

    private static AuthenticateResponse Describe(UserRecord user, string sessionId, SessionTokens? tokens) => new()
    {
        UserId = user.PublicId,
        SessionId = sessionId,
        UserName = user.Username,
        DisplayName = user.Username,
        BearerToken = tokens?.AccessToken,
        RefreshToken = tokens?.RefreshToken,
        RefreshTokenExpiry = tokens?.RefreshTokenExpiry,
        Roles = user.Admin ? [RoleNames.Admin] : [],
    };
}
