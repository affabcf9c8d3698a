using BenchmarkDotNet.Attributes;
using Boilerplate.Bench;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.Benchmarks;

/// <summary>
/// The JWT half of an authenticated request: what JwtBearer does with the app's validation
/// parameters (ES256, the default), and what the host does (<see cref="RememberedTokens"/>) for one token sent again
/// and again, and for one of 20,000 users' tokens in turn.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private readonly JsonWebTokenHandler handler = new();
    private TokenValidationParameters parameters = null!;
    private string token = "";
    private string[] tokens = [];
    private RememberedTokens remembered = null!;
    private int next;

    [Params(1, 20_000)]
    public int Users { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var issuer = new BenchIssuer("benchmark-secret-key-0123456789-0123456789", "https://bench.example.test");
        parameters = issuer.Tokens.ValidationParameters();
        var user = new UserRecord { PublicId = Guid.NewGuid().ToString(), Email = "user1@bench.example", Username = "user1" };
        token = issuer.Issue(user, Guid.NewGuid().ToString("N"));
        tokens = Enumerable.Range(0, Users)
            .Select(i => issuer.Issue(new UserRecord { PublicId = Guid.NewGuid().ToString(), Email = $"user{i}@bench.example", Username = $"user{i}" }, Guid.NewGuid().ToString("N")))
            .ToArray();
        remembered = new RememberedTokens(new JsonWebTokenHandler { MapInboundClaims = false }, issuer.Keys, TimeProvider.System);
        foreach (var each in tokens)
            remembered.ValidateTokenAsync(each, parameters).GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<bool> ValidateToken() => (await handler.ValidateTokenAsync(token, parameters)).IsValid;

    [Benchmark]
    public async Task<bool> RememberedToken()
    {
        next = (next + 1) % tokens.Length;
        return (await remembered.ValidateTokenAsync(tokens[next], parameters)).IsValid;
    }
}
