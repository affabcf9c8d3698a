using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>bcrypt at the configured cost.</summary>
public sealed class PasswordHasher
{
    /// <summary>bcrypt reads at most 72 bytes of a password; longer ones are refused, not cut.</summary>
    public const int MaxPasswordBytes = 72;

    private readonly int workFactor;
    private readonly Lazy<string> dummyHash;

    public PasswordHasher(IOptions<AuthSettings> settings)
    {
        workFactor = settings.Value.BcryptWorkFactor;
        dummyHash = new Lazy<string>(() => Hash("not a password of anyone's"));
    }

    public string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, workFactor);

    /// <summary>True when the hash was made at another cost than the one configured now.</summary>
    public bool NeedsRehash(string hash) => BCrypt.Net.BCrypt.PasswordNeedsRehash(hash, workFactor);

    /// <summary>
    /// Checks a password; with no hash (unknown user) it still does a full bcrypt verify, so a
    /// wrong email cannot be told from a wrong password by the time the answer takes.
    /// </summary>
    public bool Verify(string password, string? hash)
    {
        var matches = BCrypt.Net.BCrypt.Verify(password, hash ?? dummyHash.Value);
        return matches && hash is not null;
    }
}
