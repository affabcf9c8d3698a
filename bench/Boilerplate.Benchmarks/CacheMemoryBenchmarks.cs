using BenchmarkDotNet.Attributes;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Benchmarks;

/// <summary>
/// What the two per-host caches cost when full, however many users and tokens there are: each is
/// filled to its capacity, and what that allocates bounds what it holds.
/// </summary>
[MemoryDiagnoser]
public class CacheMemoryBenchmarks
{
    private static readonly AuthSettings Settings = new() { SecretKey = "benchmark-secret-key-of-at-least-32-bytes" };

    private readonly List<CachedUser> users = Enumerable.Range(0, UserCache.Capacity).Select(i => CachedUser.Of(new UserRecord
    {
        PublicId = Guid.NewGuid().ToString(),
        Email = $"someone.{i}@example.com",
        Username = $"someone{i}",
        RegisteredOn = DateTime.UtcNow,
    })).ToList();

    private List<string> tokens = [];

    [GlobalSetup]
    public void Setup()
    {
        var issuer = new JwtTokens(Options.Create(Settings), TimeProvider.System);
        tokens = Enumerable.Range(0, RememberedTokens.Capacity)
            .Select(i => issuer.Issue(new UserRecord { Id = i, PublicId = Guid.NewGuid().ToString(), Username = $"u{i}" }, Guid.NewGuid().ToString("N")))
            .ToList();
    }

    [Benchmark]
    public UserCache UserCacheFull()
    {
        var cache = new UserCache();
        foreach (var user in users)
            cache.Keep(user, cache.Generation);
        return cache;
    }

    /// <summary>Less what validating the tokens allocates anyway (<see cref="TokensValidated"/>).</summary>
    [Benchmark]
    public async Task<RememberedTokens> RememberedTokensFull()
    {
        var remembered = new RememberedTokens(new JsonWebTokenHandler { MapInboundClaims = false }, TimeProvider.System);
        var parameters = JwtTokens.ValidationParameters(Settings);
        foreach (var token in tokens)
            await remembered.ValidateTokenAsync(token, parameters);
        return remembered;
    }

    [Benchmark]
    public async Task<int> TokensValidated()
    {
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };
        var parameters = JwtTokens.ValidationParameters(Settings);
        var valid = 0;
        foreach (var token in tokens)
            valid += (await handler.ValidateTokenAsync(token, parameters)).IsValid ? 1 : 0;
        return valid;
    }
}
