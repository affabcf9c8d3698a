using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.RateLimits;
using Boilerplate.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Boilerplate.Tests.Registration;

/// <summary>
/// A hundred registrations of one name at once, on production's bcrypt cost, permits and short
/// queue and on its rate limit, rather than the test settings' cheap hashes, long queue and
/// limit out of reach: on those alone a flood that wastes hashes passes. Production's limit is
/// per client address and below a hundred, so from one address all but a few would be 429 and
/// hardly any would race; the flood this guards against (the answered no 429) comes from
/// many clients. So each request comes from an address of its own, named in X-Forwarded-For by
/// a trusted proxy, as production sees clients behind its proxy.
/// </summary>
[OnEachDatabase]
public class ProductionRegistrationRaceTests(DatabaseKind kind)
{
    private const int Registrations = 100;
    private ApiFactory factory = null!;
    private Api api = null!;

    [SetUp]
    public void Start()
    {
        var (auth, limits) = ProductionSettings();
        factory = new ApiFactory(kind: kind)
        {
            Settings =
            {
                ["Auth:BcryptWorkFactor"] = $"{auth.BcryptWorkFactor}",
                ["Auth:MaxConcurrentHashes"] = $"{auth.MaxConcurrentHashes}",
                ["Auth:HashQueueLimit"] = $"{auth.HashQueueLimit}",
                ["RateLimits:Registration:PermitLimit"] = $"{limits.Registration.PermitLimit}",
                ["RateLimits:Registration:Window"] = $"{limits.Registration.Window}",
                // The in-process server has no connection address, so the forwarded-headers step takes any request as the proxy's.
                ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
            },
        };
        api = factory.CreateApi();
        Assert.That(limits.Registration.PermitLimit, Is.LessThan(Registrations), "one address alone would be rate limited");
    }

    [TearDown]
    public void Stop() => factory?.Dispose();

    [Test]
    public async Task One_email_at_once_is_one_201_and_99_409_with_one_bcrypt_hash()
    {
        var statuses = await RegisterConcurrentlyAsync(i => new { email = "flood@example.com", username = $"flood_{i}", password = "password-123" });

        await AssertOneCreatedAndOneHashAsync(statuses);
    }

    [Test]
    public async Task One_username_at_once_is_one_201_and_99_409_with_one_bcrypt_hash()
    {
        var statuses = await RegisterConcurrentlyAsync(i => new { email = $"flood{i}@example.com", username = i % 2 == 0 ? "flood" : "FLOOD", password = "password-123" });

        await AssertOneCreatedAndOneHashAsync(statuses);
    }

    private async Task<List<ApiResponse>> RegisterConcurrentlyAsync(Func<int, object> body) =>
        [.. await Concurrently.RunAsync(Registrations, i =>
            api.SendAsync(HttpMethod.Post, "/user", Api.Json(body(i)), forwardedFor: $"203.0.113.{i}"))];

    private async Task AssertOneCreatedAndOneHashAsync(List<ApiResponse> responses)
    {
        var statuses = string.Join(",", responses.Select(r => r.Status));
        Assert.That(responses.Count(r => r.Status == 201), Is.EqualTo(1), statuses);
        Assert.That(responses.Count(r => r.Status == 409), Is.EqualTo(Registrations - 1), statuses);
        Assert.That(responses.Where(r => r.Status == 409).Select(r => r.String("message")).Distinct(), Is.EqualTo(new[] { "User already exists. Please Log in." }));

        var scrape = (await api.GetAsync("/metrics")).Text;
        Assert.That(Scrape.Value(scrape, "boilerplate_bcrypt_wait_duration_seconds_count"), Is.EqualTo(1), "only the registration that succeeded hashed");
        Assert.That(Scrape.Value(scrape, "boilerplate_user_registrations_total", "boilerplate_registration_result", "created"), Is.EqualTo(1));
        Assert.That(Scrape.Value(scrape, "boilerplate_user_registrations_total", "boilerplate_registration_result", "taken"), Is.EqualTo(Registrations - 1));
    }

    /// <summary>What production runs on: the settings classes' defaults under the host's appsettings.json and appsettings.Production.json.</summary>
    private static (AuthSettings Auth, RateLimitSettings Limits) ProductionSettings()
    {
        var host = Path.Combine(RepositoryRoot.Path, "Boilerplate.Host");
        var production = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(host, "appsettings.json"))
            .AddJsonFile(Path.Combine(host, "appsettings.Production.json"))
            .Build();
        return (production.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings(),
            production.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings());
    }
}
