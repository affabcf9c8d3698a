using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Bench.Runner;

/// <summary>
/// What each entry of the two per-host caches keeps alive, measured in this process: the managed
/// heap after a full collection, before and after the caches are filled with as many users and
/// tokens as a host meets. Times the capacity, it bounds what the caches can ever hold.
/// </summary>
public static class CacheFootprint
{
    public static async Task<(double BytesPerUser, double BytesPerToken)> MeasureAsync(int count)
    {
        var issuer = new BenchIssuer("bench-footprint-secret-key-of-at-least-32-bytes", "https://bench.example.test");
        var parameters = issuer.Tokens.ValidationParameters();
        // As a database read makes it: every string its own.
        static UserRecord Read(int i) => new()
        {
            Id = i, PublicId = Guid.NewGuid().ToString(), Email = $"user{i}@bench.example", Username = $"user{i}", RegisteredOn = DateTime.UtcNow,
        };
        var tokens = Enumerable.Range(0, count).Select(i => issuer.Issue(Read(i), Guid.NewGuid().ToString("N"))).ToList();
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };
        await handler.ValidateTokenAsync(tokens[0], parameters);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var userCache = new UserCache();
        var roles = new RoleCatalog(userCache);
        for (var i = 0; i < count; i++)
            userCache.Keep(CachedUser.Of(Read(i), roles), userCache.Generation);
        var withUsers = GC.GetTotalMemory(forceFullCollection: true);
        var remembered = new RememberedTokens(handler, issuer.Keys, TimeProvider.System);
        foreach (var token in tokens)
            await remembered.ValidateTokenAsync(token, parameters);
        var withTokens = GC.GetTotalMemory(forceFullCollection: true);

        // The token texts are the requests', not kept.
        var perUser = (withUsers - before) / (double)count;
        var perToken = (withTokens - withUsers) / (double)count;
        GC.KeepAlive(userCache);
        GC.KeepAlive(remembered);
        GC.KeepAlive(tokens);
        return (perUser, perToken);
    }
}
