using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>A row of <c>audit_events</c>: one act, who it was done to and by whom. Never a password, a token or a hash.</summary>
[Table("audit_events")]
public class AuditEventRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    [Column("at"), NotNull] public DateTime At { get; set; }
    [Column("event"), NotNull] public string Event { get; set; } = "";
    /// <summary>The public id of the account acted on; null for an act on no account (a signing key, a role).</summary>
    [Column("user_id")] public string? UserId { get; set; }
    /// <summary>The public id of who acted; null for the host itself or its command line.</summary>
    [Column("actor_id")] public string? ActorId { get; set; }
    [Column("client"), NotNull] public string Client { get; set; } = "";
    [Column("details")] public string? Details { get; set; }
}
