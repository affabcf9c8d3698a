using System.Globalization;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>Signing in (the seed's login and ServiceStack's Authenticate), refreshing, and signing out.</summary>
public class AuthServices(
    AppDb db, UserAccounts accounts, SignIns signIns, Sessions sessions, MfaChallenges challenges, RevokedTokens revoked, SignOutEverywhere signOut,
    TokenDelivery delivery, AuditLog audit, AppMetrics metrics) : Service
{
    public async Task<LoginResponse> Post(Login request)
    {
        var user = await signIns.VerifyAsync(request.Email!, request.Password!, Request.RemoteIp, Request.RequestAborted);
        if (user.MfaEnabled)
        {
            return new LoginResponse
            {
                Status = LoginResponse.MfaRequired,
                Message = "Enter the code from your authenticator app, or a recovery code.",
                MfaToken = await challenges.IssueAsync(user, Request.RequestAborted),
            };
        }
        var session = await sessions.StartAsync(user, SessionClient.Of(Request), Request.RequestAborted);
        return delivery.Login(Request, session, "Successfully logged in.");
    }

    public async Task<TokenResponse> Post(LoginMfa request)
    {
        var user = await signIns.SecondFactorAsync(request.MfaToken, request.Code, request.RecoveryCode, Request.RemoteIp, Request.RequestAborted);
        var session = await sessions.StartAsync(user, SessionClient.Of(Request), Request.RequestAborted);
        return delivery.Token(Request, session, "Successfully logged in.");
    }

    public async Task<AuthenticateResponse> Post(Authenticate request)
    {
        if (string.IsNullOrEmpty(request.Provider) && string.IsNullOrEmpty(request.UserName))
            return await CurrentSessionAsync();
        if (request.Provider?.ToLowerInvariant() is not (null or "" or "credentials" or "login"))
            throw HttpError.NotFound($"No auth provider '{request.Provider}': use 'credentials'.");

        var user = await signIns.VerifyAsync(request.UserName!, request.Password!, Request.RemoteIp, Request.RequestAborted);
        if (user.MfaEnabled)
            throw new MfaRequiredException(await challenges.IssueAsync(user, Request.RequestAborted));
        var session = await sessions.StartAsync(user, SessionClient.Of(Request), Request.RequestAborted);
        return Describe(user, session.SessionId, delivery.Deliver(Request, session));
    }

    /// <summary>GET /auth: who the bearer token (or <c>ss-tok</c> cookie) belongs to; never signs in.</summary>
    public Task<AuthenticateResponse> Get(Authenticate request) => CurrentSessionAsync();

    public async Task<GetAccessTokenResponse> Post(GetAccessToken request)
    {
        // A session signed in by cookie sends its refresh token as the ss-reftok cookie, not in the body.
        var fromCookie = request.RefreshToken is not { Length: > 0 } && Request.Cookies.ContainsKey(TokenCookies.RefreshToken);
        var refreshToken = fromCookie ? Request.Cookies[TokenCookies.RefreshToken].Value : request.RefreshToken;
        // A refresh by cookie rotates the cookies: another site must not be able to set that off.
        if (fromCookie && TokenAcceptance.IsForgeable(Request.Verb, Request.ContentType, Request.Headers[TokenAcceptance.RequestedWithHeader]))
            throw new TokenException(AuthMessages.ForgeableCookieWrite);
        if (string.IsNullOrEmpty(refreshToken))
            throw HttpError.Validation("NotEmpty", "refreshToken is required.", "refreshToken");

        var session = await sessions.RefreshAsync(refreshToken, SessionClient.Of(Request), Request.RequestAborted);
        var body = delivery.Deliver(Request, session);
        return new GetAccessTokenResponse
        {
            AccessToken = body?.AccessToken ?? "",
            RefreshToken = body?.RefreshToken ?? "",
            RefreshTokenExpiry = session.RefreshTokenExpiry,
        };
    }

    public async Task<StatusResponse> Post(Logout request)
    {
        // The guard let only a valid, unrevoked token through, so its id and expiry are there.
        var token = Request.GetClaimsPrincipal();
        var tokenId = Guid.ParseExact(token.FindFirst(TokenClaims.TokenId)!.Value, "N");
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(token.FindFirst(TokenClaims.Expires)!.Value, CultureInfo.InvariantCulture));
        await revoked.RevokeAsync(db, tokenId, expires.UtcDateTime, Request.RequestAborted);
        metrics.Revoked("logout");
        var session = GetSession();
        if (session.Id is { } sessionId)
            await sessions.EndAsync(sessionId, Request.RequestAborted);
        TokenCookies.Clear(Request);
        audit.LoggedOut(session.UserAuthId!, session.Id, Request.RemoteIp);
        return new StatusResponse { Message = "Successfully logged out." };
    }

    public async Task<StatusResponse> Post(LogoutAll request)
    {
        var user = await accounts.CallerAsync(GetSession(), Request.RequestAborted);
        await signOut.EndAllAsync(user, Request.RequestAborted);
        TokenCookies.Clear(Request);
        audit.LoggedOutEverywhere(user.PublicId, Request.RemoteIp);
        return new StatusResponse { Message = "Successfully logged out of every session." };
    }

    /// <summary>ServiceStack's answer to an Authenticate with no credentials: the caller's session, or 401.</summary>
    private async Task<AuthenticateResponse> CurrentSessionAsync()
    {
        var session = await GetSessionAsync();
        if (!session.IsAuthenticated)
            throw HttpError.Unauthorized("Not Authenticated");
        var user = await accounts.CallerAsync(session, Request.RequestAborted);
        return Describe(user, session.Id ?? "", tokens: null);
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
