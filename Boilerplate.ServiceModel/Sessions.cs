using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceModel;

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

/// <summary>A user's sessions still going, newest first, for an admin.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/sessions", "GET")]
[ValidateIsAdmin]
[ApiResponse(404, "User not found.")]
public class GetUserSessions : IReturn<GetSessionsResponse>, IGet
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}

/// <summary>Ends one session of a user, for an admin: as if its owner had ended it.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}/sessions/{session_id}", "DELETE")]
[ValidateIsAdmin]
[ApiResponse(404, "No such user, or no such session of theirs going.")]
public class EndUserSession : IReturnVoid, IDelete
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }

    [DataMember(Name = "session_id")]
    public string? SessionId { get; set; }
}
