using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// A row of <c>signing_keys</c>: one key pair. It is published from its creation, signs from
/// <see cref="ActivatesOn"/> until a newer key activates, and verifies until the last token it
/// signed has expired, unless it is revoked first. The private key is never stored in clear.
/// </summary>
[Table("signing_keys")]
public class SigningKeyRecord
{
    /// <summary>The key's RFC 7638 thumbprint, as tokens name it in their <c>kid</c> header.</summary>
    [Column("kid"), PrimaryKey] public string Kid { get; set; } = "";
    [Column("algorithm"), NotNull] public string Algorithm { get; set; } = "";
    /// <summary>The public key as a JWK (RFC 7517), as <c>/.well-known/jwks.json</c> shows it.</summary>
    [Column("public_jwk"), NotNull] public string PublicJwk { get; set; } = "";
    /// <summary>PKCS #8, sealed under the app's secret (<see cref="Secrets.SigningKeyProtector"/>).</summary>
    [Column("sealed_private_key"), NotNull] public string SealedPrivateKey { get; set; } = "";
    [Column("created_on"), NotNull] public DateTime CreatedOn { get; set; }
    [Column("activates_on"), NotNull] public DateTime ActivatesOn { get; set; }
    [Column("revoked_on")] public DateTime? RevokedOn { get; set; }
}
