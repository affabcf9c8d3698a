using System.Diagnostics;
using Boilerplate.Tests.Support;
using Microsoft.Extensions.Hosting;

namespace Boilerplate.Tests.UserAdmin;

/// <summary>
/// An admin deleted, locked or demoted on one host loses their power on every host within a
/// second, a host started after the change included: what a host checks is the account as the
/// database holds it, never the role a token claims or one process's memory. Production settings
/// (bcrypt's cost, the rate limits) on PostgreSQL, with the hosts in process.
/// </summary>
[NonParallelizable]
public class AdminPowerAcrossHostsTests
{
    private static readonly TimeSpan Guarantee = TimeSpan.FromSeconds(1);

    private TestDatabase database = null!;
    private ApiFactory first = null!;
    private ApiFactory second = null!;
    private string root = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        database = TestDatabase.Create(DatabaseKind.PostgreSql);
        first = Production(migrate: true);
        second = Production();
        root = await first.CreateAdminAsync("power_root");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        first?.Dispose();
        second?.Dispose();
        database?.Dispose();
    }

    [TestCase("delete")]
    [TestCase("lock")]
    [TestCase("demote")]
    public async Task The_admin_is_refused_by_every_host_within_a_second_and_by_one_started_afterwards(string change)
    {
        var victim = await first.CreateAdminAsync($"power_{change}");
        var victimId = (await Api(first).GetAsync("/user/me", victim)).String("public_id");
        // The other host has just let the admin in, and remembers them.
        Assert.That((await Api(second).GetAsync("/user", victim)).Status, Is.EqualTo(200));

        var changed = change switch
        {
            "delete" => await Api(first).SendAsync(HttpMethod.Delete, $"/user/{victimId}", token: root),
            "lock" => await Api(first).PostAsync($"/user/{victimId}/lock", token: root),
            _ => await Api(first).SendAsync(HttpMethod.Put, $"/user/{victimId}/admin", Support.Api.Json(new { admin = false }), root),
        };
        Assert.That(changed.Status, Is.InRange(200, 204), changed.Text);

        var clock = Stopwatch.StartNew();
        int status;
        do
            status = (await Api(second).GetAsync("/user", victim)).Status;
        while (status == 200 && clock.Elapsed < Guarantee + Guarantee);
        Assert.That(status, Is.AnyOf(401, 403), "the other host refuses the admin");
        Assert.That(clock.Elapsed, Is.LessThan(Guarantee));

        using var later = Production();
        Assert.That((await Api(later).GetAsync("/user", victim)).Status, Is.AnyOf(401, 403), "a host started after the change refuses them too");
        Assert.That((await Api(first).GetAsync("/user", root)).Status, Is.EqualTo(200), "the admin who made the change keeps their power");
    }

    private ApiFactory Production(bool migrate = false)
    {
        var factory = new ApiFactory(Environments.Production, database);
        factory.Settings["Auth:SecretKey"] = "a-long-random-production-secret-for-admin-power-4e1f";
        if (migrate)
            factory.Settings["Database:MigrateOnStart"] = "true";
        return factory;
    }

    /// <summary>Over HTTPS, as production serves (it redirects plain HTTP there).</summary>
    private static Support.Api Api(ApiFactory factory) => new(factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") }));
}
