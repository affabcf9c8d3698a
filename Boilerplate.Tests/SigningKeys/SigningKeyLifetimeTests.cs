using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.SigningKeys;

/// <summary>
/// A replaced key stays published, and verifies, exactly as long as a token it signed can be live:
/// the access token lifetime and the clock skew after the next key took over. Then it leaves the
/// JWKS by itself. A host's clock the test moves.
/// </summary>
public class SigningKeyLifetimeTests
{
    [Test]
    public async Task A_replaced_key_leaves_the_jwks_by_itself_once_its_last_token_has_expired()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var factory = new ApiFactory(clock: clock);
        var api = factory.CreateApi();
        var admin = await factory.CreateAdminAsync("lifetime_admin");
        var old = new JsonWebToken(admin).Kid;
        var rotated = (await api.PostAsync("/signing-keys/rotate", new { activateNow = true }, admin)).String("kid");

        clock.Now += TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(29);
        Assert.That(await PublishedKids(api), Does.Contain(old).And.Contain(rotated), "a token signed just before the rotation may still be live");

        clock.Now += TimeSpan.FromSeconds(2);
        Assert.That(await PublishedKids(api), Does.Not.Contain(old).And.Contain(rotated));
        // The clock moved past the token's lifetime here, not in the validator's eyes: the key alone refuses it.
        Assert.That((await api.GetAsync("/user/me", admin)).Status, Is.EqualTo(401));
    }

    private static async Task<List<string>> PublishedKids(Api api) =>
        (await api.GetAsync("/.well-known/jwks.json")).Body["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToList();
}
