using System.Security.Claims;
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

/// <summary>
/// A token's validation is remembered until it expires: the signature is checked once, expiry is
/// still judged, and invalid tokens are never remembered. (That revoked and ended sessions are
/// still refused on every request is shown by the logout, session and revocation tests.)
/// </summary>
public class RememberedTokensTests
{
    private static readonly AuthSettings Settings = new()
    {
        SecretKey = "unit-test-secret-key-of-at-least-32-bytes",
        AccessTokenLifetime = TimeSpan.FromMinutes(15),
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    private static readonly UserRecord Alice = new() { Id = 7, PublicId = Guid.NewGuid().ToString(), Email = "alice@example.com", Username = "alice" };

    private TestClock clock = null!;
    private CountingValidator validator = null!;

    [SetUp]
    public void Fresh() => (clock, validator) = (new TestClock(DateTimeOffset.UtcNow), new CountingValidator());

    /// <summary>The real validator, counting its calls.</summary>
    private sealed class CountingValidator : TokenHandler
    {
        private readonly JsonWebTokenHandler inner = new() { MapInboundClaims = false };
        public int Calls;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref Calls);
            return inner.ValidateTokenAsync(token, validationParameters);
        }
    }

    private static readonly (JwtTokens Tokens, SigningKeyRing Keys) Issuer = StandaloneTokens.Create(Settings);

    private string Issue() => new JwtTokens(Options.Create(Settings), Issuer.Keys, new RoleCatalog(new UserCache()), StandaloneTokens.Address(), clock).Issue(Alice, "0123456789abcdef0123456789abcdef");

    private static TokenValidationParameters Parameters => Issuer.Tokens.ValidationParameters();

    [Test]
    public async Task A_valid_token_is_checked_once_and_then_answered_from_memory()
    {
        var remembered = new RememberedTokens(validator, Issuer.Keys, clock);
        var token = Issue();

        var first = await remembered.ValidateTokenAsync(token, Parameters);
        var second = await remembered.ValidateTokenAsync(token, Parameters);

        Assert.That((first.IsValid, second.IsValid), Is.EqualTo((true, true)));
        Assert.That(validator.Calls, Is.EqualTo(1));
        Assert.That(second.ClaimsIdentity.FindFirst("sub")!.Value, Is.EqualTo(Alice.PublicId));
    }

    [Test]
    public async Task Each_request_gets_claims_of_its_own()
    {
        var remembered = new RememberedTokens(validator, Issuer.Keys, clock);
        var token = Issue();
        await remembered.ValidateTokenAsync(token, Parameters);

        var one = await remembered.ValidateTokenAsync(token, Parameters);
        one.ClaimsIdentity.AddClaim(new Claim("added", "by one request"));
        var other = await remembered.ValidateTokenAsync(token, Parameters);

        Assert.That(other.ClaimsIdentity.FindFirst("added"), Is.Null);
    }

    [Test]
    public async Task Past_its_expiry_and_the_skew_a_token_is_judged_again()
    {
        var remembered = new RememberedTokens(validator, Issuer.Keys, clock);
        var token = Issue();
        await remembered.ValidateTokenAsync(token, Parameters);

        clock.Now += Settings.AccessTokenLifetime + Settings.ClockSkew + TimeSpan.FromSeconds(1);
        // The validator reads the system clock: a token that expired by the test's clock still
        // validates there, so the check is that it was asked again, not answered from memory.
        await remembered.ValidateTokenAsync(token, Parameters);

        Assert.That(validator.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task An_invalid_token_is_never_remembered()
    {
        var remembered = new RememberedTokens(validator, Issuer.Keys, clock);
        var token = Issue();
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        var first = await remembered.ValidateTokenAsync(tampered, Parameters);
        var second = await remembered.ValidateTokenAsync(tampered, Parameters);

        Assert.That((first.IsValid, second.IsValid), Is.EqualTo((false, false)));
        Assert.That(validator.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task Past_its_capacity_the_least_recently_used_token_goes_and_the_rest_stay()
    {
        const int capacity = 100;
        var remembered = new RememberedTokens(validator, Issuer.Keys, clock, capacity);
        var tokens = Enumerable.Range(0, capacity).Select(_ => Issue()).ToList();
        foreach (var token in tokens)
            await remembered.ValidateTokenAsync(token, Parameters);
        // Sent again, all but the first: that one is now the least recently used.
        foreach (var token in tokens.Skip(1))
            await remembered.ValidateTokenAsync(token, Parameters);
        var calls = validator.Calls;

        await remembered.ValidateTokenAsync(Issue(), Parameters);
        foreach (var token in tokens.Skip(1))
            await remembered.ValidateTokenAsync(token, Parameters);

        Assert.That(remembered.Count, Is.LessThanOrEqualTo(capacity));
        Assert.That(validator.Calls - calls, Is.EqualTo(1), "only the new token was validated: the ones in use stayed");
        await remembered.ValidateTokenAsync(tokens[0], Parameters);
        Assert.That(validator.Calls - calls, Is.EqualTo(2), "the least recently used one went");
    }

    [Test]
    public async Task A_remembered_token_whose_key_was_revoked_is_judged_again_and_refused()
    {
        var (tokens, keys) = StandaloneTokens.Create(Settings);
        var remembered = new RememberedTokens(validator, keys, clock);
        var token = tokens.Issue(Alice, "0123456789abcdef0123456789abcdef");
        Assert.That((await remembered.ValidateTokenAsync(token, tokens.ValidationParameters())).IsValid, Is.True);

        keys.Forget(keys.Signing()!.Kid);
        var again = await remembered.ValidateTokenAsync(token, tokens.ValidationParameters());

        Assert.That(again.IsValid, Is.False);
        Assert.That(validator.Calls, Is.EqualTo(2));
    }
}
