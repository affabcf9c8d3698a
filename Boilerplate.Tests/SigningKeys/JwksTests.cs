using System.Security.Cryptography;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.Tests.SigningKeys;

/// <summary>
/// Tokens are signed with ES256 by default, with a key the first start makes, and other services
/// find the public key where OpenID Connect discovery says: <c>/.well-known/openid-configuration</c>
/// names the issuer and <c>/.well-known/jwks.json</c>. The private key never leaves the host in clear.
/// </summary>
[OnEachDatabase]
public class JwksTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task A_token_names_its_key_and_the_jwks_publishes_that_key_anonymously()
    {
        var token = new JsonWebToken(await Api.RegisterAsync(UniqueName()));

        var jwks = await Api.GetAsync("/.well-known/jwks.json");

        Assert.That(jwks.Status, Is.EqualTo(200), jwks.Text);
        Assert.That(token.Alg, Is.EqualTo("ES256"));
        var key = jwks.Body["keys"]!.AsArray().Single(k => k!["kid"]!.GetValue<string>() == token.Kid)!;
        Assert.That(key["kty"]!.GetValue<string>(), Is.EqualTo("EC"));
        Assert.That(key["crv"]!.GetValue<string>(), Is.EqualTo("P-256"));
        Assert.That(key["alg"]!.GetValue<string>(), Is.EqualTo("ES256"));
        Assert.That(key["use"]!.GetValue<string>(), Is.EqualTo("sig"));
        Assert.That(Base64UrlEncoder.DecodeBytes(key["x"]!.GetValue<string>()), Has.Length.EqualTo(32));
        Assert.That(Base64UrlEncoder.DecodeBytes(key["y"]!.GetValue<string>()), Has.Length.EqualTo(32));
        Assert.That(key.AsObject().Select(p => p.Key), Has.None.AnyOf("d", "p", "q", "dp", "dq", "qi"), "never a private member");
    }

    [Test]
    public async Task The_jwks_verifies_the_token_as_a_resource_server_would()
    {
        var issued = await Api.RegisterAsync(UniqueName());
        var jwks = await Api.GetAsync("/.well-known/jwks.json");
        var discovery = await Api.GetAsync("/.well-known/openid-configuration");

        var keys = new JsonWebKeySet(jwks.Text).GetSigningKeys();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issued, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidIssuer = discovery.String("issuer"),
            ValidAudience = discovery.String("issuer"),
        });

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task The_discovery_document_names_the_issuer_and_the_jwks_and_both_may_be_cached()
    {
        var token = new JsonWebToken(await Api.RegisterAsync(UniqueName()));

        var discovery = await Api.GetAsync("/.well-known/openid-configuration");
        var jwks = await Api.GetAsync("/.well-known/jwks.json");

        Assert.That(discovery.Status, Is.EqualTo(200), discovery.Text);
        Assert.That(discovery.String("issuer"), Is.EqualTo(token.Issuer).And.EqualTo("http://localhost"));
        Assert.That(discovery.String("jwks_uri"), Is.EqualTo("http://localhost/.well-known/jwks.json"));
        Assert.That(token.Audiences, Is.EqualTo(new[] { "http://localhost" }));
        foreach (var answer in new[] { discovery, jwks })
        {
            Assert.That(answer.Message.Headers.CacheControl?.Public, Is.True, answer.Header("Cache-Control"));
            Assert.That(answer.Message.Headers.CacheControl?.MaxAge, Is.EqualTo(TimeSpan.FromMinutes(5)));
        }
    }

    [Test]
    public async Task The_private_key_is_stored_sealed_never_in_clear()
    {
        await Api.RegisterAsync(UniqueName());
        using var scope = Factory.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDb>().SigningKeys.ToListAsync();

        Assert.That(rows, Is.Not.Empty);
        foreach (var row in rows)
        {
            Assert.That(row.PublicJwk, Does.Not.Contain("\"d\""));
            // Whatever the column holds, it is no PKCS #8 key, base64 or not.
            using var probe = ECDsa.Create();
            Assert.That(() => probe.ImportPkcs8PrivateKey(Convert.FromBase64String(row.SealedPrivateKey), out _), Throws.InstanceOf<CryptographicException>());
        }
    }
}
