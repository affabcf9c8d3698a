using System.Runtime.Serialization;

namespace Boilerplate.ServiceModel.Types;

/// <summary>One session of a user: a sign-in or a registration, and its refreshes since.</summary>
public class SessionInfo
{
    [DataMember(Name = "session_id")]
    public string SessionId { get; set; } = "";
    [DataMember(Name = "created_on")]
    public DateTime CreatedOn { get; set; }
    /// <summary>When it began, or was last refreshed.</summary>
    [DataMember(Name = "last_used_on")]
    public DateTime LastUsedOn { get; set; }
    /// <summary>The client's address at its sign-in or latest refresh.</summary>
    public string? Ip { get; set; }
    [DataMember(Name = "user_agent")]
    public string? UserAgent { get; set; }
    /// <summary>The session the request itself belongs to.</summary>
    public bool Current { get; set; }
}

public class GetSessionsResponse
{
    public List<SessionInfo> Data { get; set; } = [];
}
