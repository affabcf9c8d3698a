using System.Text;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceInterface.SigningKeys;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.Tests.Tokens;

/// <summary>Encoding and decoding tokens, like the seed's test_user_model.</summary>
public class JwtTokenTests
{
    private static readonly AuthSettings Settings = new()
    {
        SecretKey = "unit-test-secret-key-of-at-least-32-bytes",
        AccessTokenLifetime = TimeSpan.FromMinutes(15),
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    private const string Session = "0123456789abcdef0123456789abcdef";

    private static readonly UserRecord Alice = new() { Id = 7, PublicId = Guid.NewGuid().ToString(), Email = "alice@example.com", Username = "alice" };

    [Test]
    public async Task An_encoded_token_decodes_to_the_users_public_id_never_the_internal_id()
    {
        var issued = Tokens().Issue(Alice, Session);

        var result = await Validate(issued);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        Assert.That(result.Claims[TokenClaims.Subject], Is.EqualTo(Alice.PublicId));
        Assert.That(result.Claims.Values, Has.None.EqualTo(7L).And.None.EqualTo("7"));
    }

    [Test]
    public void A_token_carries_servicestacks_claims()
    {
        var token = new JsonWebToken(Tokens().Issue(Alice, Session));

        Assert.That(token.Issuer, Is.EqualTo(StandaloneTokens.PublicUrl));
        Assert.That(token.Audiences, Is.EqualTo(new[] { StandaloneTokens.PublicUrl }), "the audience is the issuer unless Auth:Audience says otherwise");
        Assert.That(token.GetClaim("name").Value, Is.EqualTo("alice"));
        Assert.That(token.GetClaim("preferred_username").Value, Is.EqualTo("alice"));
        Assert.That(token.GetClaim("email").Value, Is.EqualTo("alice@example.com"));
        Assert.That(token.GetClaim("sid").Value, Is.EqualTo(Session));
        Assert.That(token.TryGetClaim("roles", out _), Is.False, "a plain user has no roles");
        Assert.That(token.ValidTo - token.IssuedAt, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public void By_default_a_token_is_signed_with_es256_and_names_its_key()
    {
        var (tokens, keys) = StandaloneTokens.Create(Settings);
        var token = new JsonWebToken(tokens.Issue(Alice, Session));

        Assert.That(token.Alg, Is.EqualTo("ES256"));
        Assert.That(token.Kid, Is.EqualTo(keys.Signing()!.Kid));
        Assert.That(token.Typ, Is.EqualTo("JWT"));
    }

    [TestCase("RS256")]
    [TestCase("HS256")]
    public async Task Each_algorithm_signs_tokens_its_own_parameters_accept(string algorithm)
    {
        var settings = With(algorithm);
        var (tokens, _) = StandaloneTokens.Create(settings);
        var token = tokens.Issue(Alice, Session);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, tokens.ValidationParameters());

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        Assert.That(new JsonWebToken(token).Alg, Is.EqualTo(algorithm));
        Assert.That(new JsonWebToken(token).Kid, algorithm == "HS256" ? Is.Empty : Is.Not.Empty);
    }

    [Test]
    public async Task With_a_key_pair_a_token_signed_with_the_apps_secret_is_refused()
    {
        var (hs256, _) = StandaloneTokens.Create(With("HS256"));
        var (es256, _) = StandaloneTokens.Create(Settings);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(hs256.Issue(Alice, Session), es256.ValidationParameters());

        Assert.That(result.IsValid, Is.False, "a leaked SECRET_KEY mints nothing");
    }

    [Test]
    public async Task A_token_for_another_audience_is_refused()
    {
        var (tokens, keys) = StandaloneTokens.Create(Settings);
        var elsewhere = new JwtTokens(Options.Create(With("ES256", audience: "https://other.example.test")), keys, new RoleCatalog(new UserCache()),
            StandaloneTokens.Address(), TimeProvider.System);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(elsewhere.Issue(Alice, Session), tokens.ValidationParameters());

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Exception, Is.InstanceOf<SecurityTokenInvalidAudienceException>());
    }

    [Test]
    public void Every_token_gets_its_own_random_id()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => new JsonWebToken(Tokens().Issue(Alice, Session)).Id).ToHashSet();
        Assert.That(ids, Has.Count.EqualTo(100));
    }

    [Test]
    public void An_admins_token_has_the_admin_role_as_a_list()
    {
        var admin = new UserRecord { PublicId = Guid.NewGuid().ToString(), Email = "root@example.com", Username = "root", Admin = true };
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(Tokens().Issue(admin, Session).Split('.')[1]));
        Assert.That(payload, Does.Contain("\"roles\":[\"Admin\"]"));
    }

    [Test]
    public async Task A_token_past_its_expiry_is_rejected_as_expired()
    {
        var issuedTwoDaysAgo = Tokens(DateTimeOffset.UtcNow.AddDays(-2)).Issue(Alice, Session);

        var result = await Validate(issuedTwoDaysAgo);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Exception, Is.InstanceOf<SecurityTokenExpiredException>());
    }

    [Test]
    public async Task A_token_signed_with_another_key_is_rejected()
    {
        var (other, _) = StandaloneTokens.Create(Settings);
        Assert.That((await Validate(other.Issue(Alice, Session))).IsValid, Is.False);
    }

    [Test]
    public async Task A_token_with_a_tampered_payload_is_rejected()
    {
        var parts = Tokens().Issue(Alice, Session).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("alice", "mallory", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.That((await Validate(tampered)).IsValid, Is.False);
    }

    [Test]
    public async Task A_token_with_alg_none_is_rejected()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Tokens().Issue(Alice, Session).Split('.')[1];
        Assert.That((await Validate($"{header}.{payload}.")).IsValid, Is.False);
    }

    [Test]
    public async Task A_token_signed_with_hs512_is_rejected_because_the_algorithm_is_pinned()
    {
        var (tokens, _) = StandaloneTokens.Create(With("HS256"));
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Settings.SecretKey.PadRight(64, 'x')));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = tokens.Issuer,
            Audience = tokens.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = Alice.PublicId, ["jti"] = Guid.NewGuid().ToString("N") },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha512),
        });
        var parameters = tokens.ValidationParameters();
        parameters.IssuerSigningKeyResolver = (_, _, _, _) => [key];

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);

        Assert.That(result.IsValid, Is.False);
    }

    private static readonly (JwtTokens Tokens, SigningKeyRing Keys) Issuer = StandaloneTokens.Create(Settings);

    private static JwtTokens Tokens(DateTimeOffset? now = null) => now is null
        ? Issuer.Tokens
        : new JwtTokens(Options.Create(Settings), Issuer.Keys, new RoleCatalog(new UserCache()), StandaloneTokens.Address(), new TestClock(now.Value));

    private static Task<TokenValidationResult> Validate(string token) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, Issuer.Tokens.ValidationParameters());

    private static AuthSettings With(string algorithm, string? audience = null) => new()
    {
        SecretKey = Settings.SecretKey,
        SigningAlgorithm = algorithm,
        Audience = audience,
        AccessTokenLifetime = Settings.AccessTokenLifetime,
        ClockSkew = Settings.ClockSkew,
    };
}
