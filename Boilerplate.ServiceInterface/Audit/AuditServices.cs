using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.ServiceInterface.Audit;

/// <summary>The stored audit trail, for holders of <c>audit.read</c>: as JSON, or as CSV with <c>?format=csv</c>.</summary>
public class AuditServices(AuditTrail trail) : AppService
{
    public const int DefaultPerPage = 100;

    public async Task<GetAuditEventsResponse> Get(GetAuditEvents request)
    {
        var page = request.Page ?? 1;
        var perPage = request.PerPage ?? DefaultPerPage;
        var (rows, total) = await trail.FindAsync(request.User, request.Actor, request.Event, request.From, request.To, page, perPage, Cancel);
        return new GetAuditEventsResponse { Results = rows.ConvertAll(ToDto), Page = page, PerPage = perPage, Total = total };
    }

    private static AuditEvent ToDto(AuditEventRecord row) => new()
    {
        // The database keeps no DateTimeKind; everything is stored in UTC.
        At = DateTime.SpecifyKind(row.At, DateTimeKind.Utc),
        Event = row.Event,
        User = row.UserId,
        Actor = row.ActorId,
        Client = row.Client,
        Details = row.Details,
    };
}
