using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.SigningKeys;

/// <summary>
/// <c>Auth:SigningAlgorithm</c>: RS256 signs with an RSA key pair as ES256 does with P-256; HS256
/// keeps the seed's scheme under SECRET_KEY and publishes nothing; and a deployment that moves
/// from HS256 to a key pair signs nobody out: its old access tokens are refused, and renew.
/// </summary>
public class SigningAlgorithmTests
{
    [Test]
    public async Task Under_rs256_tokens_are_signed_with_an_rsa_key_the_jwks_publishes()
    {
        using var factory = new ApiFactory { Settings = { ["Auth:SigningAlgorithm"] = "RS256" } };
        var api = factory.CreateApi();

        var token = new JsonWebToken(await api.RegisterAsync("rsa_user"));
        var key = (await api.GetAsync("/.well-known/jwks.json")).Body["keys"]!.AsArray().Single()!;

        Assert.That(token.Alg, Is.EqualTo("RS256"));
        Assert.That(key["kid"]!.GetValue<string>(), Is.EqualTo(token.Kid));
        Assert.That(key["kty"]!.GetValue<string>(), Is.EqualTo("RSA"));
        Assert.That(key["e"]!.GetValue<string>(), Is.EqualTo("AQAB"));
        Assert.That(key["n"]!.GetValue<string>(), Has.Length.EqualTo(342), "a 2048-bit modulus");
    }

    [Test]
    public async Task Under_hs256_tokens_are_signed_with_the_secret_and_there_are_no_keys_to_publish_or_rotate()
    {
        using var factory = new ApiFactory { Settings = { ["Auth:SigningAlgorithm"] = "HS256" } };
        var api = factory.CreateApi();
        var admin = await factory.CreateAdminAsync("hs_admin");

        var token = new JsonWebToken(await api.RegisterAsync("hs_user"));
        var jwks = await api.GetAsync("/.well-known/jwks.json");
        var rotate = await api.PostAsync("/signing-keys/rotate", new { activateNow = true }, admin);

        Assert.That(token.Alg, Is.EqualTo("HS256"));
        Assert.That(jwks.Body["keys"]!.AsArray(), Is.Empty);
        Assert.That(rotate.Status, Is.EqualTo(409));
        Assert.That(rotate.String("message"), Does.Contain("Auth:SigningAlgorithm"));
    }

    [Test]
    public async Task Moving_from_hs256_to_es256_refuses_the_old_access_tokens_and_their_refresh_tokens_renew_them()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        string hsToken, refreshToken;
        using (var before = new ApiFactory(database: database) { Settings = { ["Auth:SigningAlgorithm"] = "HS256" } })
        {
            var api = before.CreateApi();
            await api.RegisterAsync("moving_user");
            var login = await api.PostAsync("/auth/login", new { email = "moving_user@example.com", password = "password-123" });
            (hsToken, refreshToken) = (login.String("Authorization"), login.String("refreshToken"));
        }

        using var after = new ApiFactory(database: database);
        var moved = after.CreateApi();
        var refused = await moved.GetAsync("/user/me", hsToken);
        var renewed = await moved.PostAsync("/access-token", new { refreshToken });

        Assert.That(refused.Status, Is.EqualTo(401), "a token signed with SECRET_KEY mints nothing under ES256");
        Assert.That(renewed.Status, Is.EqualTo(200), renewed.Text);
        var token = renewed.String("accessToken");
        Assert.That(new JsonWebToken(token).Alg, Is.EqualTo("ES256"));
        Assert.That((await moved.GetAsync("/user/me", token)).String("username"), Is.EqualTo("moving_user"));
    }
}
