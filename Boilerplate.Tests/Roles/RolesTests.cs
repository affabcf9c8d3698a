using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.Roles;

/// <summary>
/// Roles map to permissions, users hold roles and permissions of their own, and each operation
/// names what it needs. A change counts on the tokens already out there, and signs no one out.
/// </summary>
[OnEachDatabase]
public class RolesTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const string Password = "password-123";
    private string admin = null!;

    [OneTimeSetUp]
    public async Task CreateAdmin() => admin = await Factory.CreateAdminAsync(UniqueName("roles_admin"));

    [Test]
    public async Task A_role_gives_its_holders_its_permissions_and_no_others()
    {
        var role = UniqueName("Support");
        Assert.That((await SaveRole(role, "users.read")).Status, Is.EqualTo(200));
        var (name, token) = await RegisterAsync();
        var other = await PublicIdOf(await Api.RegisterAsync(UniqueName()));

        var assigned = await Api.PostAsync("/assignroles", new { userName = name, roles = new[] { role } }, admin);

        Assert.That(assigned.Status, Is.EqualTo(200), assigned.Text);
        Assert.That(Strings(assigned.Body["allRoles"]), Is.EqualTo(new[] { role }));
        Assert.That(Strings(assigned.Body["allPermissions"]), Is.EqualTo(new[] { "users.read" }));
        var me = await Api.GetAsync("/user/me", token);
        Assert.That(Strings(me.Body["roles"]), Is.EqualTo(new[] { role }));
        Assert.That(Strings(me.Body["permissions"]), Is.EqualTo(new[] { "users.read" }));
        Assert.That((await Api.GetAsync("/user?search=" + name, token)).Status, Is.EqualTo(200), "the list, with the token signed in before the grant");
        Assert.That((await Api.GetAsync($"/user/{other}", token)).Status, Is.EqualTo(200), "someone else's record");
        var locking = await Api.PostAsync($"/user/{other}/lock", token: token);
        Assert.That(locking.Status, Is.EqualTo(403));
        Assert.That(locking.String("message"), Is.EqualTo("admin token required (this needs the users.manage permission)"));
        Assert.That((await Api.SendAsync(HttpMethod.Delete, $"/user/{other}", token: token)).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task Changing_a_roles_permissions_counts_on_live_tokens_at_once_and_signs_no_one_out()
    {
        var role = UniqueName("Desk");
        await SaveRole(role);
        var (name, token) = await RegisterAsync();
        await Api.PostAsync("/assignroles", new { userName = name, roles = new[] { role } }, admin);
        var target = await PublicIdOf(await Api.RegisterAsync(UniqueName()));
        Assert.That((await Api.PostAsync($"/user/{target}/lock", token: token)).Status, Is.EqualTo(403));

        await SaveRole(role, "users.manage");
        Assert.That((await Api.PostAsync($"/user/{target}/lock", token: token)).Status, Is.EqualTo(200), "a permission added allows");

        await SaveRole(role);
        Assert.That((await Api.PostAsync($"/user/{target}/unlock", token: token)).Status, Is.EqualTo(403), "a permission removed refuses");
        Assert.That((await Api.GetAsync("/user/me", token)).Status, Is.EqualTo(200), "still signed in");
    }

    [Test]
    public async Task A_permission_given_directly_counts_at_once_and_UnAssignRoles_takes_it_back()
    {
        var (name, token) = await RegisterAsync();
        Assert.That((await Api.GetAsync("/user", token)).Status, Is.EqualTo(403));

        var given = await Api.PostAsync("/assignroles", new { userName = $"{name}@example.com", permissions = new[] { "users.read" } }, admin);
        Assert.That(Strings(given.Body["allPermissions"]), Is.EqualTo(new[] { "users.read" }), "named by email this time");
        Assert.That((await Api.GetAsync("/user", token)).Status, Is.EqualTo(200));

        var taken = await Api.PostAsync("/unassignroles", new { userName = name, permissions = new[] { "users.read" } }, admin);
        Assert.That(taken.Status, Is.EqualTo(200), taken.Text);
        Assert.That(Strings(taken.Body["allPermissions"]), Is.Empty);
        Assert.That((await Api.GetAsync("/user", token)).Status, Is.EqualTo(403));
        Assert.That((await Api.GetAsync("/user/me", token)).Status, Is.EqualTo(200), "still signed in");
    }

    [Test]
    public async Task Deleting_a_role_takes_it_from_everyone_who_held_it()
    {
        var role = UniqueName("Gone");
        await SaveRole(role, "users.read");
        var (name, token) = await RegisterAsync();
        await Api.PostAsync("/assignroles", new { userName = name, roles = new[] { role } }, admin);
        Assert.That((await Api.GetAsync("/user", token)).Status, Is.EqualTo(200));

        Assert.That((await Api.SendAsync(HttpMethod.Delete, $"/roles/{role}", token: admin)).Status, Is.EqualTo(204));

        Assert.That((await Api.GetAsync("/user", token)).Status, Is.EqualTo(403));
        Assert.That(Strings((await Api.GetAsync("/user/me", token)).Body["roles"]), Is.Empty);
        Assert.That(Strings((await Api.GetAsync("/roles", admin)).Body["results"]!.AsArray().Select(r => r!["name"])), Does.Not.Contain(role));
        Assert.That((await Api.SendAsync(HttpMethod.Delete, $"/roles/{role}", token: admin)).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task The_roles_list_shows_Admin_built_in_with_every_permission_and_the_permissions_known()
    {
        var role = UniqueName("Listed");
        await SaveRole(role, "users.delete", "users.read");

        var roles = await Api.GetAsync("/roles", admin);

        Assert.That(roles.Status, Is.EqualTo(200), roles.Text);
        var results = roles.Body["results"]!.AsArray();
        Assert.That(results[0]!["name"]!.GetValue<string>(), Is.EqualTo("Admin"));
        Assert.That(results[0]!["builtIn"]!.GetValue<bool>(), Is.True);
        Assert.That(Strings(results[0]!["permissions"]), Is.EqualTo(new[] { "users.read", "users.manage", "users.delete", "roles.manage", "audit.read" }));
        Assert.That(Strings(results.Single(r => r!["name"]!.GetValue<string>() == role)!["permissions"]), Is.EqualTo(new[] { "users.delete", "users.read" }));
        Assert.That(Strings(roles.Body["permissions"]), Is.EqualTo(new[] { "users.read", "users.manage", "users.delete", "roles.manage", "audit.read" }));
    }

    [Test]
    public async Task An_unknown_permission_or_role_is_a_400_that_lists_the_known_ones()
    {
        var badPermission = await SaveRole(UniqueName("Bad"), "users.read", "users.everything");
        Assert.That(badPermission.Status, Is.EqualTo(400));
        Assert.That(badPermission.ResponseStatus["errors"]![0]!["errorCode"]!.GetValue<string>(), Is.EqualTo("UnknownPermission"));
        Assert.That(badPermission.String("message"), Does.Contain("users.read, users.manage, users.delete, roles.manage"));

        var (name, _) = await RegisterAsync();
        var badRole = await Api.PostAsync("/assignroles", new { userName = name, roles = new[] { "NoSuchRole" } }, admin);
        Assert.That(badRole.Status, Is.EqualTo(400));
        Assert.That(badRole.String("message"), Does.StartWith("Unknown role; the roles are Admin"));

        var badDirect = await Api.PostAsync("/assignroles", new { userName = name, permissions = new[] { "root" } }, admin);
        Assert.That(badDirect.Status, Is.EqualTo(400));
        Assert.That((await Api.PostAsync("/assignroles", new { userName = "nobody-at-all", roles = Array.Empty<string>() }, admin)).Status, Is.EqualTo(404));
        Assert.That((await Api.PostAsync("/assignroles", new { roles = Array.Empty<string>() }, admin)).Status, Is.EqualTo(400), "no userName");
    }

    [TestCase("Admin", "BuiltIn")]
    [TestCase("has space", "RegularExpression")]
    [TestCase("9lives", "RegularExpression")]
    public async Task A_role_that_cannot_be_saved_is_a_400(string name, string errorCode)
    {
        var saved = await Api.SendAsync(HttpMethod.Put, $"/roles/{Uri.EscapeDataString(name)}", Api.Json(new { permissions = new[] { "users.read" } }), admin);

        Assert.That(saved.Status, Is.EqualTo(400), saved.Text);
        Assert.That(saved.ResponseStatus["errors"]![0]!["errorCode"]!.GetValue<string>(), Is.EqualTo(errorCode));
    }

    [Test]
    public async Task Admin_cannot_be_deleted_and_giving_it_makes_an_admin()
    {
        Assert.That((await Api.SendAsync(HttpMethod.Delete, "/roles/Admin", token: admin)).Status, Is.EqualTo(400));
        var (name, token) = await RegisterAsync();

        var made = await Api.PostAsync("/assignroles", new { userName = name, roles = new[] { "Admin" } }, admin);

        Assert.That(made.Status, Is.EqualTo(200), made.Text);
        Assert.That(Strings(made.Body["allRoles"]), Is.EqualTo(new[] { "Admin" }));
        Assert.That(Strings(made.Body["allPermissions"]), Has.Length.EqualTo(5));
        var me = await Api.GetAsync("/user/me", token);
        Assert.That(me.Body["admin"]!.GetValue<bool>(), Is.True);
        Assert.That((await Api.GetAsync("/signing-keys", token)).Status, Is.EqualTo(200), "Admin's own operations, on the token signed in before");
    }

    [Test]
    public async Task Only_admins_act_on_an_admins_account_whatever_permissions_the_caller_holds()
    {
        var role = UniqueName("Power");
        await SaveRole(role, "users.read", "users.manage", "users.delete", "roles.manage");
        var (name, token) = await RegisterAsync();
        await Api.PostAsync("/assignroles", new { userName = name, roles = new[] { role } }, admin);
        var adminName = UniqueName("guarded_admin");
        var adminId = await PublicIdOf(await Factory.CreateAdminAsync(adminName));

        var attempts = new[]
        {
            await Api.PostAsync($"/user/{adminId}/lock", token: token),
            await Api.SendAsync(HttpMethod.Delete, $"/user/{adminId}", token: token),
            await Api.SendAsync(HttpMethod.Delete, $"/user/{adminId}/mfa", token: token),
            await Api.SendAsync(HttpMethod.Put, $"/user/{adminId}/admin", Api.Json(new { admin = false }), token),
            await Api.PostAsync("/unassignroles", new { userName = adminName, roles = new[] { "Admin" } }, token),
        };

        foreach (var attempt in attempts)
        {
            Assert.That(attempt.Status, Is.EqualTo(403), attempt.Text);
            Assert.That(attempt.String("message"), Is.EqualTo("Only an admin can do this to an admin's account."));
        }
        Assert.That((await Api.GetAsync($"/user/{adminId}", token)).Body["locked"], Is.Null, "still unlocked");
        Assert.That((await Api.GetAsync("/signing-keys", token)).Status, Is.EqualTo(403), "signing keys are Admin's alone");
    }

    [Test]
    public async Task Roles_are_managed_only_with_roles_manage()
    {
        var (name, token) = await RegisterAsync();

        Assert.That((await Api.GetAsync("/roles", token)).Status, Is.EqualTo(403));
        Assert.That((await SaveRole(UniqueName("Mine"), token: token, permissions: ["users.read"])).Status, Is.EqualTo(403));
        var selfGrant = await Api.PostAsync("/assignroles", new { userName = name, permissions = new[] { "users.read" } }, token);
        Assert.That(selfGrant.Status, Is.EqualTo(403));
        Assert.That(selfGrant.String("message"), Is.EqualTo("admin token required (this needs the roles.manage permission)"));
        Assert.That((await Api.GetAsync("/roles")).Status, Is.EqualTo(401), "anonymous");
    }

    [Test]
    public async Task A_new_token_carries_the_roles_and_permissions_for_other_services_to_read()
    {
        var role = UniqueName("Claims");
        await SaveRole(role, "users.read");
        var (name, _) = await RegisterAsync();
        await Api.PostAsync("/assignroles", new { userName = name, roles = new[] { role }, permissions = new[] { "users.delete" } }, admin);

        var token = new JsonWebToken(await Api.LoginAsync($"{name}@example.com", Password));

        Assert.That(token.Claims.Where(c => c.Type == "roles").Select(c => c.Value), Is.EqualTo(new[] { role }));
        Assert.That(token.Claims.Where(c => c.Type == "perms").Select(c => c.Value), Is.EqualTo(new[] { "users.read", "users.delete" }));
    }

    private Task<ApiResponse> SaveRole(string name, params string[] permissions) => SaveRole(name, admin, permissions);

    private Task<ApiResponse> SaveRole(string name, string token, string[] permissions) =>
        Api.SendAsync(HttpMethod.Put, $"/roles/{name}", Api.Json(new { permissions }), token);

    private async Task<(string Name, string Token)> RegisterAsync()
    {
        var name = UniqueName("holder");
        return (name, await Api.RegisterAsync(name, Password));
    }

    private async Task<string> PublicIdOf(string token) => (await Api.GetAsync("/user/me", token)).String("public_id");

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    private static string[] Strings(IEnumerable<JsonNode?> nodes) => nodes.Select(n => n!.GetValue<string>()).ToArray();
}
