using System.Globalization;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Revocation;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Sessions;

/// <summary>
/// A session's life after sign-in: renewing its access token, signing out of it, of all of them or
/// of all others; the device list, and the same for admins.
/// </summary>
public class SessionServices(SessionStore sessions, SignOutEverywhere signOut, RevokedTokens revoked, TokenDelivery delivery, AppMetrics metrics) : AppService
{
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

        var session = await sessions.RefreshAsync(refreshToken, SessionClient.Of(Request), Cancel);
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
        await revoked.RevokeAsync(Db, tokenId, expires.UtcDateTime, Cancel);
        metrics.Revoked("logout");
        var session = GetSession();
        await AuditedAsync(AuditEventNames.LoggedOut, session.UserAuthId, async () =>
        {
            if (session.Id is { } sessionId)
                await sessions.EndAsync(sessionId, Cancel);
        }, $"session={session.Id ?? "none"}");
        TokenCookies.Clear(Request);
        Audit.LoggedOut(session.UserAuthId!, session.Id ?? "none", ClientIp);
        return new StatusResponse { Message = "Successfully logged out." };
    }

    public async Task<StatusResponse> Post(LogoutAll request)
    {
        var user = await CallerAsync();
        await AuditedAsync(AuditEventNames.LoggedOutEverywhere, user.PublicId, () => signOut.EndAllAsync(user, Cancel));
        TokenCookies.Clear(Request);
        Audit.LoggedOutEverywhere(user.PublicId, ClientIp);
        return new StatusResponse { Message = "Successfully logged out of every session." };
    }

    public async Task<StatusResponse> Post(LogoutOthers request)
    {
        var user = await CallerAsync();
        var ended = 0;
        await AuditedAsync(AuditEventNames.OtherSessionsEnded, user.PublicId,
            async () => ended = await sessions.EndOthersAsync(user.Id, GetSession().Id ?? "", Cancel), $"kept={GetSession().Id ?? "none"}");
        Audit.LoggedOutOthers(user.PublicId, ended, ClientIp);
        return new StatusResponse { Message = ended == 1 ? "Signed out of 1 other session." : $"Signed out of {ended} other sessions." };
    }

    public async Task<GetSessionsResponse> Get(GetSessions request) => await ListAsync(await CallerAsync());

    public async Task Delete(EndSession request)
    {
        var user = await CallerAsync();
        await AuditedAsync(AuditEventNames.SessionEnded, user.PublicId, () => EndAsync(user, request.SessionId), $"session={request.SessionId}");
    }

    public async Task<GetSessionsResponse> Get(GetUserSessions request) => await ListAsync(await UserAsync(request.PublicId));

    public async Task Delete(EndUserSession request)
    {
        var user = await ManagedUserAsync(request.PublicId);
        await AuditedAsync(AuditEventNames.UserSessionEnded, user.PublicId, () => EndAsync(user, request.SessionId), $"session={request.SessionId}");
        Audit.AdminAction(GetSession().UserAuthId!, "end session", user.PublicId, ClientIp);
    }

    private async Task<GetSessionsResponse> ListAsync(UserRecord user)
    {
        var current = GetSession().Id;
        var list = await sessions.ListAsync(user.Id, Cancel);
        return new GetSessionsResponse
        {
            Data = list.Select(s => new SessionInfo
            {
                SessionId = s.Id,
                CreatedOn = DateTime.SpecifyKind(s.CreatedOn, DateTimeKind.Utc),
                LastUsedOn = DateTime.SpecifyKind(s.LastUsedOn, DateTimeKind.Utc),
                Ip = s.Ip,
                UserAgent = s.UserAgent,
                Current = s.Id == current,
            }).ToList(),
        };
    }

    private async Task EndAsync(UserRecord user, string? sessionId)
    {
        var session = sessionId is { Length: > 0 } ? await sessions.FindAsync(user.Id, sessionId, Cancel) : null;
        if (session is null)
            throw HttpError.NotFound("Session not found.");
        await sessions.EndAsync(session.Id, Cancel);
        Audit.SessionEnded(user.PublicId, session.Id, ClientIp);
    }
}
