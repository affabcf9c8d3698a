namespace Boilerplate.ServiceModel.Types;

/// <summary>One act of the audit trail: what, when, to whom, by whom, from where. Never a secret.</summary>
public class AuditEvent
{
    public DateTime At { get; set; }
    /// <summary>What happened, e.g. <c>user.locked</c>, <c>roles.assigned</c>, <c>signing-key.revoked</c>.</summary>
    public string Event { get; set; } = "";
    /// <summary>The public id of the account acted on; absent for an act on no account (a role, a signing key).</summary>
    public string? User { get; set; }
    /// <summary>The public id of who acted; absent for the host's command line.</summary>
    public string? Actor { get; set; }
    /// <summary>The client's address, or <c>local</c> for the command line.</summary>
    public string Client { get; set; } = "";
    public string? Details { get; set; }
}
