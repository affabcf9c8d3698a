namespace Boilerplate.ServiceModel.Types;

/// <summary>A public key as a JWK (RFC 7517): <c>crv</c>, <c>x</c> and <c>y</c> for EC keys, <c>n</c> and <c>e</c> for RSA keys.</summary>
public class JsonWebKey
{
    public string Kty { get; set; } = "";
    public string Use { get; set; } = "";
    public string Alg { get; set; } = "";
    public string Kid { get; set; } = "";
    public string? Crv { get; set; }
    public string? X { get; set; }
    public string? Y { get; set; }
    public string? N { get; set; }
    public string? E { get; set; }
}

/// <summary>A signing key as admins see it: never its private half.</summary>
public class SigningKey
{
    /// <summary>The key's RFC 7638 thumbprint, as tokens name it in their <c>kid</c> header.</summary>
    public string Kid { get; set; } = "";
    public string Algorithm { get; set; } = "";
    /// <summary><c>pending</c> (published, not signing yet), <c>signing</c>, <c>verifying</c> (replaced, its tokens may be live), <c>expired</c> or <c>revoked</c>.</summary>
    public string State { get; set; } = "";
    public DateTime CreatedOn { get; set; }
    public DateTime ActivatesOn { get; set; }
    public DateTime? RevokedOn { get; set; }
}
