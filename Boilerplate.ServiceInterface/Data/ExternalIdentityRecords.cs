using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>An account's identity at an external provider: the provider's issuer and its subject for the person.</summary>
[Table("external_identities")]
public class ExternalIdentityRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    [Column("user_id"), NotNull] public long UserId { get; set; }
    /// <summary>The provider's name in configuration (<c>Auth:External:{name}</c>).</summary>
    [Column("provider"), NotNull] public string Provider { get; set; } = "";
    [Column("issuer"), NotNull] public string Issuer { get; set; } = "";
    [Column("subject"), NotNull] public string Subject { get; set; } = "";
    /// <summary>The address the provider asserted when the identity was linked, to show it.</summary>
    [Column("email")] public string? Email { get; set; }
    [Column("linked_on"), NotNull] public DateTime LinkedOn { get; set; }
    [Column("last_used_on")] public DateTime? LastUsedOn { get; set; }
}

/// <summary>A sign-in a provider has vouched for, waiting for the browser that started it (<c>ss-ext</c>) to finish it.</summary>
[Table("external_sign_ins")]
public class ExternalSignInRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    [Column("ticket_hash"), NotNull] public string TicketHash { get; set; } = "";
    [Column("provider"), NotNull] public string Provider { get; set; } = "";
    [Column("issuer"), NotNull] public string Issuer { get; set; } = "";
    [Column("subject"), NotNull] public string Subject { get; set; } = "";
    [Column("email")] public string? Email { get; set; }
    [Column("email_verified"), NotNull] public bool EmailVerified { get; set; }
    [Column("name")] public string? Name { get; set; }
    /// <summary>The public id of the signed-in user who started the flow to link this identity; null for a sign-in.</summary>
    [Column("link_user_id")] public string? LinkUserId { get; set; }
    [Column("continue_path"), NotNull] public string ContinuePath { get; set; } = "/account/";
    [Column("expires_on"), NotNull] public DateTime ExpiresOn { get; set; }
}
