using System.Text;
using Boilerplate.ServiceInterface.SigningKeys;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.Tests.Security;

/// <summary>
/// Forged, altered and misused tokens (RFC 8725's list and more): each is a 401 with the right
/// message on a guarded route, never a 5xx.
/// </summary>
[OnEachDatabase]
public class JwtAttackTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const string Secret = "test-only-secret-key-not-for-production-use-0123456789";
    private const string Invalid = "Invalid token. Please log in again.";
    private const string Expired = "Signature expired. Please log in again.";
    private const string Revoked = "Token blacklisted. Please log in again.";

    private string publicId = null!;
    private string token = null!;
    private string refreshToken = null!;

    [OneTimeSetUp]
    public async Task SignIn()
    {
        var name = UniqueName("victim");
        await Api.RegisterAsync(name);
        var login = await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" });
        token = login.String("Authorization");
        refreshToken = login.String("refreshToken");
        publicId = (await Api.GetAsync("/user/me", token)).String("public_id");
    }

    private static IEnumerable<TestCaseData> Forgeries()
    {
        TestCaseData Case(string name, Func<JwtAttackTests, string> forge, string message = Invalid) =>
            new TestCaseData(forge, message).SetName($"{name} is 401");

        yield return Case("alg none", t => $"{Segment("""{"alg":"none","typ":"JWT"}""")}.{t.token.Split('.')[1]}.");
        yield return Case("alg none without the trailing dot", t => $"{Segment("""{"alg":"none"}""")}.{t.token.Split('.')[1]}");
        yield return Case("the right claims signed with another key", t => t.Sign(t.Claims(), Hmac("another-secret-key-of-at-least-32-bytes!!")));
        yield return Case("the right claims signed with the app's secret (a leaked SECRET_KEY)", t => t.Sign(t.Claims(), Hmac(Secret)));
        yield return Case("HS256 keyed with the published public key (algorithm confusion)", t => t.SignByHand(
            $$"""{"alg":"HS256","typ":"JWT","kid":"{{t.Keys.Signing()!.Kid}}"}""", t.Claims(),
            bytes => System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(t.Keys.Signing()!.Row.PublicJwk), bytes)));
        yield return Case("ES256 with another key pair under the signing key's kid", t => t.Sign(t.Claims(), t.Impostor()));
        yield return Case("HS384 with the right secret", t => t.SignByHand("""{"alg":"HS384","typ":"JWT"}""", t.Claims(), bytes => System.Security.Cryptography.HMACSHA384.HashData(Encoding.UTF8.GetBytes(Secret), bytes)));
        yield return Case("HS512 with the right secret", t => t.SignByHand("""{"alg":"HS512","typ":"JWT"}""", t.Claims(), bytes => System.Security.Cryptography.HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), bytes)));
        yield return Case("an RS256 header", t => $"{Segment("""{"alg":"RS256","typ":"JWT"}""")}.{t.token.Split('.')[1]}.{t.token.Split('.')[2]}");
        yield return Case("a jku header pointing at the attacker's keys", t => t.Sign(t.Claims(), Hmac("attacker-secret-key-of-at-least-32-bytes"), header: new() { ["jku"] = "http://127.0.0.1:1/jwks.json" }));
        yield return Case("an x5u header", t => t.Sign(t.Claims(), Hmac("attacker-secret-key-of-at-least-32-bytes"), header: new() { ["x5u"] = "http://127.0.0.1:1/cert.pem" }));
        yield return Case("a kid header naming another key", t => t.SignByHand("""{"alg":"HS256","typ":"JWT","kid":"../../../../dev/null"}""", t.Claims(),
            bytes => System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("attacker-secret-key-of-at-least-32-bytes"), bytes)));
        yield return Case("a tampered payload", t => $"{t.token.Split('.')[0]}.{Segment(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(t.token.Split('.')[1])).Replace("\"name\"", "\"nam3\"", StringComparison.Ordinal))}.{t.token.Split('.')[2]}");
        yield return Case("a tampered signature", t => t.token[..^4] + (t.token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        yield return Case("an expired token", t => t.Sign(t.Claims(issued: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1))), Expired);
        yield return Case("nbf in the future", t => t.Sign(t.Claims(notBefore: DateTime.UtcNow.AddHours(1))));
        yield return Case("a missing jti", t => t.Sign(t.Claims(without: "jti")));
        yield return Case("a missing exp", t => t.Sign(t.Claims(without: "exp")));
        yield return Case("the wrong issuer", t => t.Sign(t.Claims(issuer: "someone-else")));
        yield return Case("the wrong audience", t => t.Sign(t.Claims(audience: "https://another-service.example.test")));
        yield return Case("no audience", t => t.Sign(t.Claims(without: "aud")));
        yield return Case("a refresh token sent as an access token", t => t.refreshToken);
        yield return Case("a token over 8 KiB", t => t.Sign(t.Claims(padding: new string('x', 9000))));
        yield return Case("garbage", _ => "not even close");
        yield return Case("non-ASCII garbage", _ => "ümlaut.日本語.🙂");
    }

    [TestCaseSource(nameof(Forgeries))]
    public async Task A_forged_or_altered_token(Func<JwtAttackTests, string> forge, string message)
    {
        var forged = forge(this);
        foreach (var path in new[] { "/user/me", "/user", $"/user/{publicId}" })
        {
            var response = await Api.SendAsync(HttpMethod.Get, path, authorization: "Bearer " + forged);

            Assert.That(response.Status, Is.EqualTo(401), $"{path}: {response.Text}");
            Assert.That(response.String("message"), Is.EqualTo(message), path);
            Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("TokenException"));
        }
    }

    [Test]
    public async Task A_token_without_sub_signed_with_the_right_key_is_still_refused_where_it_matters()
    {
        var noSubject = Sign(Claims(without: "sub"));
        var response = await Api.GetAsync("/user/me", noSubject);
        Assert.That(response.Status, Is.EqualTo(401));
    }

    [Test]
    public async Task An_access_token_sent_as_a_refresh_token_is_401()
    {
        var response = await Api.PostAsync("/access-token", new { refreshToken = token });
        Assert.That(response.Status, Is.EqualTo(401));
    }

    [Test]
    public async Task A_revoked_token_and_a_deleted_or_locked_users_token_are_401()
    {
        var admin = await Factory.CreateAdminAsync(UniqueName("admin"));
        var (revoked, deleted, locked) = (await Api.RegisterAsync(UniqueName()), await Api.RegisterAsync(UniqueName()), await Api.RegisterAsync(UniqueName()));
        await Api.PostAsync("/auth/logout", token: revoked);
        await Api.SendAsync(HttpMethod.Delete, $"/user/{(await Api.GetAsync("/user/me", deleted)).String("public_id")}", token: admin);
        await Api.PostAsync($"/user/{(await Api.GetAsync("/user/me", locked)).String("public_id")}/lock", token: admin);

        foreach (var dead in new[] { revoked, deleted, locked })
        {
            var response = await Api.GetAsync("/user/me", dead);
            Assert.That(response.Status, Is.EqualTo(401));
            Assert.That(response.String("message"), Is.EqualTo(Revoked));
        }
    }

    private SigningKeyRing Keys => Factory.Services.GetRequiredService<SigningKeyRing>();

    private Dictionary<string, object> Claims(
        DateTime? issued = null, TimeSpan? lifetime = null, DateTime? notBefore = null, string? without = null, string? issuer = null, string? audience = null, string? padding = null)
    {
        var now = issued ?? DateTime.UtcNow;
        var host = Factory.Services.GetRequiredService<JwtTokens>();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer ?? host.Issuer,
            ["aud"] = audience ?? host.Audience,
            ["sub"] = publicId,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["iat"] = EpochTime.GetIntDate(now),
            ["nbf"] = EpochTime.GetIntDate(notBefore ?? now),
            ["exp"] = EpochTime.GetIntDate(now + (lifetime ?? TimeSpan.FromMinutes(15))),
            ["name"] = "victim",
        };
        if (padding is not null)
            claims["padding"] = padding;
        if (without is not null)
            claims.Remove(without);
        return claims;
    }

    /// <summary>Signed with the host's own signing key unless another is given.</summary>
    private string Sign(Dictionary<string, object> claims, SigningCredentials? with = null, Dictionary<string, object>? header = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            AdditionalHeaderClaims = header,
            SigningCredentials = with ?? Keys.Credentials(),
        });

    private static SigningCredentials Hmac(string key) => new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256);

    /// <summary>A P-256 key of the attacker's own, claiming to be the host's signing key.</summary>
    private SigningCredentials Impostor() =>
        new(new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256)) { KeyId = Keys.Signing()!.Kid },
            SecurityAlgorithms.EcdsaSha256);

    /// <summary>Signs a header the library would not write (a kid, or HS384/HS512 with a key this short) by hand.</summary>
    private string SignByHand(string header, Dictionary<string, object> claims, Func<byte[], byte[]> mac)
    {
        var signed = $"{Segment(header)}.{Segment(System.Text.Json.JsonSerializer.Serialize(claims))}";
        return $"{signed}.{Base64UrlEncoder.Encode(mac(Encoding.ASCII.GetBytes(signed)))}";
    }

    private static string Segment(string json) => Base64UrlEncoder.Encode(json);
}
