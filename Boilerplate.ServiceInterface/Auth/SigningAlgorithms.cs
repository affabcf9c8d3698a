namespace Boilerplate.ServiceInterface.Auth;

/// <summary>The values <c>Auth:SigningAlgorithm</c> takes, as JOSE names them.</summary>
public static class SigningAlgorithms
{
    public const string Es256 = "ES256";
    public const string Rs256 = "RS256";
    public const string Hs256 = "HS256";

    public static readonly IReadOnlyList<string> All = [Es256, Rs256, Hs256];

    /// <summary>Whether tokens are signed with a key pair from the database rather than the app's secret.</summary>
    public static bool IsAsymmetric(string algorithm) => algorithm is Es256 or Rs256;
}
