using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>
/// Exchanges a refresh token for a new access token. With rotation (the default) the refresh
/// token is good once: a new one comes back, and presenting a used one again ends the session.
/// </summary>
/// <remarks>Anonymous on purpose: ServiceStack's client sends its stale bearer token along, which is never read.</remarks>
[Tag(Tags.Auth)]
[Route("/access-token", "POST")]
[RateLimited(RateLimitBudgets.Renewal)]
[ApiResponse(401, "The refresh token is unknown, expired, revoked or was used before (the session then ends).")]
public class GetAccessToken : IReturn<GetAccessTokenResponse>, IPost, IHasUseTokenCookie
{
    /// <summary>The refresh token; for a session signed in by cookie the <c>ss-reftok</c> cookie stands in for it.</summary>
    [Secret]
    public string? RefreshToken { get; set; }
    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    public bool? UseTokenCookie { get; set; }
}

public class GetAccessTokenResponse
{
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";
    public DateTime RefreshTokenExpiry { get; set; }
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>Revokes the bearer token it is sent with; the token is refused from then on.</summary>
/// <remarks>Without a token the seed answers 403, not 401.</remarks>
[Tag(Tags.Auth)]
[Route("/auth/logout", "POST")]
[ValidateIsAuthenticated(StatusCode = 403)]
public class Logout : IReturn<StatusResponse>, IPost;

/// <summary>Ends every session of the caller, on every device: all their tokens stop working at once.</summary>
[Tag(Tags.Auth)]
[Route("/auth/logout-all", "POST")]
[ValidateIsAuthenticated]
public class LogoutAll : IReturn<StatusResponse>, IPost;

/// <summary>The caller's sessions still going, newest first: where and with what each signed in, and when it was last refreshed.</summary>
[Tag(Tags.User)]
[Route("/user/me/sessions", "GET")]
[ValidateIsAuthenticated]
public class GetSessions : IReturn<GetSessionsResponse>, IGet;

/// <summary>Ends one of the caller's sessions: its refresh token dies, and its access tokens are refused on every host within a second.</summary>
[Tag(Tags.User)]
[Route("/user/me/sessions/{session_id}", "DELETE")]
[ValidateIsAuthenticated]
[ApiResponse(404, "The caller has no such session going.")]
public class EndSession : IReturnVoid, IDelete
{
    [DataMember(Name = "session_id")]
    public string? SessionId { get; set; }
}

/// <summary>Ends every session of the caller but the one making the request.</summary>
[Tag(Tags.Auth)]
[Route("/auth/logout-others", "POST")]
[ValidateIsAuthenticated]
public class LogoutOthers : IReturn<StatusResponse>, IPost;

/// <summary>A user's sessions still going, newest first (<c>users.read</c>).</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/sessions", "GET")]
[RequiredPermission(PermissionNames.UsersRead)]
[ApiResponse(404, "User not found.")]
public class GetUserSessions : IReturn<GetSessionsResponse>, IGet
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}

/// <summary>Ends one session of a user (<c>users.manage</c>): as if its owner had ended it. An admin's, only for an admin.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/sessions/{session_id}", "DELETE")]
[RequiredPermission(PermissionNames.UsersManage)]
[ApiResponse(404, "No such user, or no such session of theirs going.")]
public class EndUserSession : IReturnVoid, IDelete
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }

    [DataMember(Name = "session_id")]
    public string? SessionId { get; set; }
}
