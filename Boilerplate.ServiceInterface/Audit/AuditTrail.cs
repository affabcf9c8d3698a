using Boilerplate.ServiceInterface.Data;
using LinqToDB;
using LinqToDB.Async;

namespace Boilerplate.ServiceInterface.Audit;

/// <summary>
/// The audit trail as rows, beside <see cref="AuditLog"/>'s lines; scoped to a request. A row is
/// written on the request's connection, so inside <see cref="AppDb.AtomicallyAsync{T}"/> it
/// commits with the change it records, or not at all.
/// </summary>
public sealed class AuditTrail(AppDb db, TimeProvider clock)
{
    public const int MaxDetails = 1000;

    /// <summary>Records an act: call it inside the transaction of the change.</summary>
    public Task RecordAsync(string eventName, string? userId, string? actorId, string client, string? details = null, CancellationToken cancel = default) =>
        db.InsertAsync(new AuditEventRecord
        {
            At = clock.GetUtcNow().UtcDateTime,
            Event = eventName,
            UserId = userId,
            ActorId = actorId,
            Client = client.Length > 64 ? client[..64] : client,
            Details = details is { Length: > MaxDetails } ? details[..MaxDetails] : details,
        }, token: cancel);

    public async Task<(List<AuditEventRecord> Page, int Total)> FindAsync(
        string? userId, string? actorId, string? eventName, DateTime? from, DateTime? to, int page, int perPage, CancellationToken cancel = default)
    {
        var query = db.AuditEvents.AsQueryable();
        if (userId is not null)
            query = query.Where(e => e.UserId == userId);
        if (actorId is not null)
            query = query.Where(e => e.ActorId == actorId);
        if (eventName is not null)
            query = query.Where(e => e.Event == eventName);
        if (from is { } start)
            query = query.Where(e => e.At >= start);
        if (to is { } end)
            query = query.Where(e => e.At < end);
        var total = await query.CountAsync(cancel);
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * perPage).Take(perPage).ToListAsync(cancel);
        return (rows, total);
    }

    /// <summary>Deletes the rows older than <paramref name="retention"/>; how many went.</summary>
    public Task<int> PurgeAsync(TimeSpan retention, CancellationToken cancel = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - retention;
        return db.AuditEvents.Where(e => e.At < before).DeleteAsync(cancel);
    }
}
