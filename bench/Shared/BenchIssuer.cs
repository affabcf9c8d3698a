using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceInterface.Secrets;
using Boilerplate.ServiceInterface.SigningKeys;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.Options;

namespace Boilerplate.Bench;

/// <summary>
/// The app's own token issuer outside a host, signing as a host does by default (ES256): one key
/// pair made here, which a run writes into every database it seeds, so each host signs and
/// verifies with the same key.
/// </summary>
public sealed class BenchIssuer
{
    public BenchIssuer(string secret, string publicUrl, TimeSpan? accessTokenLifetime = null)
    {
        var settings = Options.Create(new AuthSettings { SecretKey = secret, AccessTokenLifetime = accessTokenLifetime ?? TimeSpan.FromMinutes(15) });
        var protector = new SigningKeyProtector(settings);
        var now = DateTime.UtcNow;
        Key = NewSigningKey.Create(SigningAlgorithms.Es256, protector, now, now);
        Keys = new SigningKeyRing(settings, protector, TimeProvider.System);
        Keys.Load([Key]);
        Tokens = new JwtTokens(settings, Keys, new RoleCatalog(new UserCache()), new PublicAddress(Options.Create(new AppSettings { PublicUrl = publicUrl }), new NoAddresses()), TimeProvider.System);
    }

    /// <summary>The row each seeded database gets.</summary>
    public SigningKeyRecord Key { get; }
    public SigningKeyRing Keys { get; }
    public JwtTokens Tokens { get; }

    public string Issue(UserRecord user, string sessionId) => Tokens.Issue(user, sessionId);

    private sealed class NoAddresses : IListeningAddresses
    {
        public IReadOnlyCollection<string> Addresses => [];
    }
}
