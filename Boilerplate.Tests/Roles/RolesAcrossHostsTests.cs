using System.Diagnostics;
using Boilerplate.Tests.Support;
using Microsoft.Extensions.Hosting;

namespace Boilerplate.Tests.Roles;

/// <summary>
/// A grant, a removal, a role's new permissions and a role deleted on one host count on the
/// other within a second, for a token that host has just let in and remembers: hosts judge by
/// the shared tables and their change stream, not by a claim frozen in the token. Two hosts on
/// one PostgreSQL database, on production settings (bcrypt's cost, the rate limits).
/// </summary>
[NonParallelizable]
public class RolesAcrossHostsTests
{
    private static readonly TimeSpan Guarantee = TimeSpan.FromSeconds(1);

    private TestDatabase database = null!;
    private ApiFactory first = null!;
    private ApiFactory second = null!;
    private Support.Api a = null!;
    private Support.Api b = null!;
    private string adminToken = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        database = TestDatabase.Create(DatabaseKind.PostgreSql);
        first = Production(migrate: true);
        second = Production();
        (a, b) = (Https(first), Https(second));
        adminToken = await first.CreateAdminAsync("roles_root");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        first?.Dispose();
        second?.Dispose();
        database?.Dispose();
    }

    [Test]
    public async Task A_permission_given_then_taken_on_one_host_counts_on_the_other_within_a_second()
    {
        var (name, token) = await RegisterAsync();
        Assert.That((await b.GetAsync("/user", token)).Status, Is.EqualTo(403));

        await a.PostAsync("/assignroles", new { userName = name, permissions = new[] { "users.read" } }, adminToken);
        await ExpectOnB(token, 200);

        await a.PostAsync("/unassignroles", new { userName = name, permissions = new[] { "users.read" } }, adminToken);
        await ExpectOnB(token, 403);
        Assert.That((await b.GetAsync("/user/me", token)).Status, Is.EqualTo(200), "signed in still");
    }

    [Test]
    public async Task A_roles_permissions_changed_or_the_role_deleted_on_one_host_count_on_the_other_within_a_second()
    {
        var role = "Shift" + Guid.NewGuid().ToString("N")[..8];
        await SaveRole(role);
        var (name, token) = await RegisterAsync();
        await a.PostAsync("/assignroles", new { userName = name, roles = new[] { role } }, adminToken);
        Assert.That((await b.GetAsync("/user", token)).Status, Is.EqualTo(403));

        await SaveRole(role, "users.read");
        await ExpectOnB(token, 200);

        await SaveRole(role);
        await ExpectOnB(token, 403);

        await SaveRole(role, "users.read");
        await ExpectOnB(token, 200);
        await a.SendAsync(HttpMethod.Delete, $"/roles/{role}", token: adminToken);
        await ExpectOnB(token, 403);
    }

    /// <summary>Asks B until it answers <paramref name="status"/>, which it must within the guarantee.</summary>
    private async Task ExpectOnB(string token, int status)
    {
        var clock = Stopwatch.StartNew();
        int seen;
        do
            seen = (await b.GetAsync("/user", token)).Status;
        while (seen != status && clock.Elapsed < Guarantee + Guarantee);
        Assert.That(seen, Is.EqualTo(status));
        Assert.That(clock.Elapsed, Is.LessThan(Guarantee), $"B answered {status} after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    private async Task SaveRole(string name, params string[] permissions)
    {
        var saved = await a.SendAsync(HttpMethod.Put, $"/roles/{name}", Support.Api.Json(new { permissions }), adminToken);
        Assert.That(saved.Status, Is.EqualTo(200), saved.Text);
    }

    private ApiFactory Production(bool migrate = false)
    {
        var factory = new ApiFactory(Environments.Production, database);
        factory.Settings["Auth:SecretKey"] = "a-long-random-production-secret-for-roles-across-hosts-7c2d";
        if (migrate)
            factory.Settings["Database:MigrateOnStart"] = "true";
        return factory;
    }

    /// <summary>Over HTTPS, as production serves (it redirects plain HTTP there).</summary>
    private static Support.Api Https(ApiFactory factory) => new(factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") }));

    private async Task<(string Name, string Token)> RegisterAsync()
    {
        var name = "holder_" + Guid.NewGuid().ToString("N")[..8];
        return (name, await a.RegisterAsync(name));
    }
}
