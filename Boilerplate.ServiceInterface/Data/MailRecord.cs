using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// A row of <c>mail_outbox</c>: a mail written in the same transaction as what caused it, waiting
/// until a host's sender claims and sends it. Its link's token is made when it is first claimed
/// and kept here, encrypted, only until the mail is sent.
/// </summary>
[Table("mail_outbox")]
public class MailRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    /// <summary>A UUID: the Message-ID every attempt at this mail carries, so a resend is known as one.</summary>
    [Column("message_id"), NotNull] public string MessageId { get; set; } = "";
    [Column("kind"), NotNull] public string Kind { get; set; } = "";
    [Column("recipient"), NotNull] public string Recipient { get; set; } = "";
    /// <summary>The account, when the cause knew it; otherwise the sender looks the address up.</summary>
    [Column("user_id")] public long? UserId { get; set; }
    /// <summary>What the mail says besides its link, e.g. the new address of an email change.</summary>
    [Column("detail")] public string? Detail { get; set; }
    /// <summary>Where the link goes: the front end's address.</summary>
    [Column("link_base")] public string? LinkBase { get; set; }
    /// <summary>The link's token, encrypted; erased once the mail is sent.</summary>
    [Column("token")] public string? Token { get; set; }
    /// <summary><see cref="MailStates"/>.</summary>
    [Column("state"), NotNull] public string State { get; set; } = MailStates.Pending;
    [Column("attempts"), NotNull] public int Attempts { get; set; }
    [Column("next_attempt_on"), NotNull] public DateTime NextAttemptOn { get; set; }
    /// <summary>Which sender holds the row, until <see cref="ClaimedUntil"/>.</summary>
    [Column("claim")] public string? Claim { get; set; }
    [Column("claimed_until")] public DateTime? ClaimedUntil { get; set; }
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    /// <summary>When a sender decided the mail goes out (it counts toward the resend interval).</summary>
    [Column("accepted_on")] public DateTime? AcceptedOn { get; set; }
    [Column("sent_on")] public DateTime? SentOn { get; set; }
    [Column("last_error")] public string? LastError { get; set; }
}

public static class MailStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>Given up after the last attempt.</summary>
    public const string Failed = "failed";
    /// <summary>Not to be sent: no such account, or one mail of its kind went to the address a moment ago.</summary>
    public const string Dropped = "dropped";
}
