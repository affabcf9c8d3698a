using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceInterface.Secrets;
using Boilerplate.ServiceInterface.SigningKeys;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Boilerplate.Tests.Support;

/// <summary>Access tokens made as a host makes them, without one: for the token classes' own tests, and tokens a host's clock could not make.</summary>
public static class StandaloneTokens
{
    public const string PublicUrl = "https://app.example.test";

    /// <summary>An issuer with a ring of its own: one fresh key pair of the settings' algorithm (none under HS256).</summary>
    public static (JwtTokens Tokens, SigningKeyRing Keys) Create(AuthSettings settings, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var options = Options.Create(settings);
        var protector = new SigningKeyProtector(options);
        var keys = new SigningKeyRing(options, protector, TimeProvider.System);
        if (keys.UsesKeyPairs)
        {
            var now = DateTime.UtcNow;
            keys.Load([NewSigningKey.Create(settings.SigningAlgorithm, protector, now.AddDays(-7), now.AddDays(-7))]);
        }
        return (new JwtTokens(options, keys, new RoleCatalog(new UserCache()), Address(PublicUrl), clock), keys);
    }

    /// <summary>The host's own issuer and keys, on another clock: a token issued days ago, say.</summary>
    public static JwtTokens OfHost(IServiceProvider host, TimeProvider clock) =>
        new(host.GetRequiredService<IOptions<AuthSettings>>(), host.GetRequiredService<SigningKeyRing>(), host.GetRequiredService<RoleCatalog>(), host.GetRequiredService<PublicAddress>(), clock);

    public static PublicAddress Address(string url = PublicUrl) => new(Options.Create(new AppSettings { PublicUrl = url }), new NoAddresses());

    private sealed class NoAddresses : IListeningAddresses
    {
        public IReadOnlyCollection<string> Addresses => [];
    }
}
