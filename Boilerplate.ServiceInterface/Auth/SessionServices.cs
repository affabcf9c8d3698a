using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>The device list: a user's sessions, and ending one, or all but the caller's; and the same for admins.</summary>
public class SessionServices(UserStore users, UserAccounts accounts, Sessions sessions, AuditLog audit) : Service
{
    public async Task<GetSessionsResponse> Get(GetSessions request) => await ListAsync(await CallerAsync());

    public async Task Delete(EndSession request) => await EndAsync(await CallerAsync(), request.SessionId);

    public async Task<StatusResponse> Post(LogoutOthers request)
    {
        var user = await CallerAsync();
        var ended = await sessions.EndOthersAsync(user.Id, GetSession().Id ?? "", Request.RequestAborted);
        audit.LoggedOutOthers(user.PublicId, ended, Request.RemoteIp);
        return new StatusResponse { Message = ended == 1 ? "Signed out of 1 other session." : $"Signed out of {ended} other sessions." };
    }

    public async Task<GetSessionsResponse> Get(GetUserSessions request) => await ListAsync(await TargetAsync(request.PublicId));

    public async Task Delete(EndUserSession request)
    {
        var user = await TargetAsync(request.PublicId);
        await EndAsync(user, request.SessionId);
        audit.AdminAction(GetSession().UserAuthId!, "end session", user.PublicId, Request.RemoteIp);
    }

    private async Task<GetSessionsResponse> ListAsync(UserRecord user)
    {
        var current = GetSession().Id;
        var list = await sessions.ListAsync(user.Id, Request.RequestAborted);
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
        var session = sessionId is { Length: > 0 } ? await sessions.FindAsync(user.Id, sessionId, Request.RequestAborted) : null;
        if (session is null)
            throw HttpError.NotFound("Session not found.");
        await sessions.EndAsync(session.Id, Request.RequestAborted);
        audit.SessionEnded(user.PublicId, session.Id, Request.RemoteIp);
    }

    private Task<UserRecord> CallerAsync() => accounts.CallerAsync(GetSession(), Request.RequestAborted);

    private async Task<UserRecord> TargetAsync(string? publicId) =>
        await users.FindByRouteIdAsync(publicId, Request.RequestAborted) ?? throw HttpError.NotFound("User not found.");
}
