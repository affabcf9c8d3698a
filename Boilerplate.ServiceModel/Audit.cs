using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceModel;

/// <summary>
/// The stored audit trail, newest first, a page at a time: each act recorded in the transaction of
/// the change it records, kept <c>Audit:RetentionDays</c>. <c>?format=csv</c> answers the page as CSV.
/// </summary>
[Tag(Tags.Audit)]
[Route("/audit", "GET")]
[RequiredPermission(PermissionNames.AuditRead)]
public class GetAuditEvents : IReturn<GetAuditEventsResponse>, IGet
{
    /// <summary>Only acts on this account (a public id).</summary>
    public string? User { get; set; }
    /// <summary>Only acts by this account (a public id).</summary>
    public string? Actor { get; set; }
    /// <summary>Only this event, e.g. <c>user.locked</c>.</summary>
    public string? Event { get; set; }
    /// <summary>From this time on (inclusive), ISO 8601.</summary>
    public DateTime? From { get; set; }
    /// <summary>Before this time (exclusive), ISO 8601.</summary>
    public DateTime? To { get; set; }
    /// <summary>1-based page number; 1 when absent.</summary>
    public int? Page { get; set; }
    /// <summary>Events per page, 1 to 1000; 100 when absent.</summary>
    [DataMember(Name = "per_page")]
    public int? PerPage { get; set; }
}

public class GetAuditEventsResponse
{
    public List<AuditEvent> Results { get; set; } = [];
    public int Page { get; set; }
    [DataMember(Name = "per_page")]
    public int PerPage { get; set; }
    public int Total { get; set; }
}
