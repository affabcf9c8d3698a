using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>A row of <c>passkeys</c>: one WebAuthn credential of a user.</summary>
[Table("passkeys")]
public class PasskeyRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    /// <summary>The id the API shows, so the credential id is never needed in a URL.</summary>
    [Column("public_id"), NotNull] public string PublicId { get; set; } = "";
    [Column("user_id"), NotNull] public long UserId { get; set; }
    /// <summary>Base64url, as the browser's <c>rawId</c> arrives.</summary>
    [Column("credential_id"), NotNull] public string CredentialId { get; set; } = "";
    /// <summary>The COSE key the authenticator made.</summary>
    [Column("public_key"), NotNull] public byte[] PublicKey { get; set; } = [];
    /// <summary>The WebAuthn user.id the authenticator keeps with the credential and answers a sign-in with.</summary>
    [Column("user_handle"), NotNull] public byte[] UserHandle { get; set; } = [];
    /// <summary>The highest signature counter seen; an authenticator that keeps none stays at 0.</summary>
    [Column("sign_count"), NotNull] public long SignCount { get; set; }
    /// <summary>Comma-separated, as the browser named them.</summary>
    [Column("transports")] public string? Transports { get; set; }
    [Column("name"), NotNull] public string Name { get; set; } = "";
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    [Column("last_used_on")] public DateTime? LastUsedOn { get; set; }
}

/// <summary>A row of <c>passkey_ceremonies</c>: options sent to a browser, waiting for what it makes of them.</summary>
[Table("passkey_ceremonies")]
public class PasskeyCeremonyRecord
{
    [Column("id"), PrimaryKey, Identity] public long Id { get; set; }
    [Column("token_hash"), NotNull] public string TokenHash { get; set; } = "";
    /// <summary><c>registration</c> or <c>sign_in</c>: one kind's ceremony never finishes the other.</summary>
    [Column("kind"), NotNull] public string Kind { get; set; } = "";
    /// <summary>The user adding a passkey; null for a sign-in.</summary>
    [Column("user_id")] public long? UserId { get; set; }
    /// <summary>The options as sent, challenge included: what the answer is verified against.</summary>
    [Column("options"), NotNull] public string Options { get; set; } = "";
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    [Column("expires_on"), NotNull] public DateTime ExpiresOn { get; set; }
    [Column("used_on")] public DateTime? UsedOn { get; set; }
}
