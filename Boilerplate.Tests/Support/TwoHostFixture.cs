using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Boilerplate.Tests.Support;

/// <summary>
/// Two in-process hosts on one PostgreSQL database, as behind a load balancer, with an admin made
/// on the first: for what one host changes and the other must see. With <paramref name="production"/>,
/// on production's settings (bcrypt's cost, the rate limits, a secret key) and over HTTPS, as the
/// security claims are tested.
/// </summary>
public abstract class TwoHostFixture(string adminName, bool production = false)
{
    /// <summary>How soon a change on one host counts on the other.</summary>
    protected static readonly TimeSpan Guarantee = TimeSpan.FromSeconds(1);

    private TestDatabase database = null!;

    protected ApiFactory First { get; private set; } = null!;
    protected ApiFactory Second { get; private set; } = null!;
    protected Api A { get; private set; } = null!;
    protected Api B { get; private set; } = null!;
    protected string AdminToken { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartHosts()
    {
        database = TestDatabase.Create(DatabaseKind.PostgreSql);
        First = Host(migrate: true);
        Second = Host(migrate: false);
        (A, B) = (Client(First), Client(Second));
        AdminToken = await First.CreateAdminAsync(adminName);
    }

    [OneTimeTearDown]
    public void StopHosts()
    {
        First?.Dispose();
        Second?.Dispose();
        database?.Dispose();
    }

    /// <summary>Asks until <paramref name="ask"/> answers <paramref name="status"/>, which it must within the guarantee.</summary>
    protected static async Task ExpectWithinGuarantee(Func<Task<int>> ask, int status)
    {
        var clock = Stopwatch.StartNew();
        int seen;
        do
            seen = await ask();
        while (seen != status && clock.Elapsed < Guarantee + Guarantee);
        Assert.That(seen, Is.EqualTo(status));
        Assert.That(clock.Elapsed, Is.LessThan(Guarantee), $"answered {status} after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    private ApiFactory Host(bool migrate)
    {
        if (!production)
            return new ApiFactory(database: database);
        var factory = new ApiFactory(Environments.Production, database);
        factory.Settings["Auth:SecretKey"] = "a-long-random-production-secret-for-two-hosts-5e1a";
        if (migrate)
            factory.Settings["Database:MigrateOnStart"] = "true";
        return factory;
    }

    /// <summary>Production serves HTTPS only (it redirects plain HTTP there).</summary>
    private Api Client(ApiFactory factory) =>
        production ? new Api(factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") })) : factory.CreateApi();
}
