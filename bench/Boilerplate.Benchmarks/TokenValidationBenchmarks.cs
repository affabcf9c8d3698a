using BenchmarkDotNet.Attributes;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boilerplate.Benchmarks;

/// <summary>The JWT half of an authenticated request: what JwtBearer does with the app's validation parameters.</summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private readonly JsonWebTokenHandler handler = new();
    private TokenValidationParameters parameters = null!;
    private string token = "";

    [GlobalSetup]
    public void Setup()
    {
        var settings = new AuthSettings { SecretKey = "benchmark-secret-key-0123456789-0123456789" };
        parameters = JwtTokens.ValidationParameters(settings);
        var user = new UserRecord { PublicId = Guid.NewGuid().ToString(), Email = "user1@bench.example", Username = "user1" };
        token = new JwtTokens(Options.Create(settings), TimeProvider.System).Issue(user, Guid.NewGuid().ToString("N"));
    }

    [Benchmark]
    public async Task<bool> ValidateToken() => (await handler.ValidateTokenAsync(token, parameters)).IsValid;
}
