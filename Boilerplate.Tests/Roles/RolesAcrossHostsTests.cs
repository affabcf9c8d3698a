using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Roles;

/// <summary>
/// A grant, a removal, a role's new permissions and a role deleted on one host count on the
/// other within a second, for a token that host has just let in and remembers: hosts judge by
/// the shared tables and their change stream, not by a claim frozen in the token. Two hosts on
/// one PostgreSQL database, on production settings (bcrypt's cost, the rate limits).
/// </summary>
[NonParallelizable]
public class RolesAcrossHostsTests() : TwoHostFixture("roles_root", production: true)
{
    [Test]
    public async Task A_permission_given_then_taken_on_one_host_counts_on_the_other_within_a_second()
    {
        var (name, token) = await RegisterAsync();
        Assert.That((await B.GetAsync("/user", token)).Status, Is.EqualTo(403));

        await A.PostAsync("/assignroles", new { userName = name, permissions = new[] { "users.read" } }, AdminToken);
        await ExpectOnB(token, 200);

        await A.PostAsync("/unassignroles", new { userName = name, permissions = new[] { "users.read" } }, AdminToken);
        await ExpectOnB(token, 403);
        Assert.That((await B.GetAsync("/user/me", token)).Status, Is.EqualTo(200), "signed in still");
    }

    [Test]
    public async Task A_roles_permissions_changed_or_the_role_deleted_on_one_host_count_on_the_other_within_a_second()
    {
        var role = "Shift" + Guid.NewGuid().ToString("N")[..8];
        await SaveRole(role);
        var (name, token) = await RegisterAsync();
        await A.PostAsync("/assignroles", new { userName = name, roles = new[] { role } }, AdminToken);
        Assert.That((await B.GetAsync("/user", token)).Status, Is.EqualTo(403));

        await SaveRole(role, "users.read");
        await ExpectOnB(token, 200);

        await SaveRole(role);
        await ExpectOnB(token, 403);

        await SaveRole(role, "users.read");
        await ExpectOnB(token, 200);
        await A.SendAsync(HttpMethod.Delete, $"/roles/{role}", token: AdminToken);
        await ExpectOnB(token, 403);
    }

    private Task ExpectOnB(string token, int status) => ExpectWithinGuarantee(async () => (await B.GetAsync("/user", token)).Status, status);

    private async Task SaveRole(string name, params string[] permissions)
    {
        var saved = await A.SendAsync(HttpMethod.Put, $"/roles/{name}", Support.Api.Json(new { permissions }), AdminToken);
        Assert.That(saved.Status, Is.EqualTo(200), saved.Text);
    }

    private async Task<(string Name, string Token)> RegisterAsync()
    {
        var name = "holder_" + Guid.NewGuid().ToString("N")[..8];
        return (name, await A.RegisterAsync(name));
    }
}
