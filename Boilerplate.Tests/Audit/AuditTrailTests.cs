using System.Text.Json.Nodes;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Audit;

/// <summary>
/// What admins and permission holders do is stored, in the transaction of the change, and read
/// back by whoever holds audit.read: "who locked this account, and when".
/// </summary>
[OnEachDatabase]
public class AuditTrailTests(DatabaseKind kind) : ApiFixture(kind)
{
    private string admin = null!;
    private string adminId = null!;

    [OneTimeSetUp]
    public async Task CreateAdmin()
    {
        admin = await Factory.CreateAdminAsync(UniqueName("audit_admin"));
        adminId = await PublicIdOf(admin);
    }

    [Test]
    public async Task A_lock_is_stored_with_who_did_it_when_and_from_where()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var target = await PublicIdOf(await Api.RegisterAsync(UniqueName()));

        Assert.That((await Api.PostAsync($"/user/{target}/lock", token: admin)).Status, Is.EqualTo(200));

        var trail = await Api.GetAsync($"/audit?user={target}&event=user.locked", admin);
        Assert.That(trail.Status, Is.EqualTo(200), trail.Text);
        var locked = trail.Body["results"]!.AsArray().Single()!;
        Assert.That(locked["event"]!.GetValue<string>(), Is.EqualTo("user.locked"));
        Assert.That(locked["user"]!.GetValue<string>(), Is.EqualTo(target));
        Assert.That(locked["actor"]!.GetValue<string>(), Is.EqualTo(adminId));
        Assert.That(locked["client"], Is.Not.Null, "the client's address: none in process, the peer's over a network");
        Assert.That(locked["at"]!.GetValue<DateTime>().ToUniversalTime(), Is.InRange(before, DateTime.UtcNow.AddSeconds(1)));
    }

    [Test]
    public async Task A_refused_change_leaves_no_row()
    {
        using var factory = new ApiFactory(kind: Kind);
        var api = factory.CreateApi();
        var only = await factory.CreateAdminAsync("only_audited_admin");
        var me = (await api.GetAsync("/user/me", only)).String("public_id");

        Assert.That((await api.PostAsync($"/user/{me}/lock", token: only)).Status, Is.EqualTo(409), "the last admin");

        var trail = await api.GetAsync($"/audit?user={me}&event=user.locked", only);
        Assert.That(trail.Body["total"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task The_trail_filters_by_actor_event_and_time_and_pages_newest_first()
    {
        var otherAdmin = await Factory.CreateAdminAsync(UniqueName("audit_second"));
        var otherAdminId = await PublicIdOf(otherAdmin);
        var start = DateTime.UtcNow.ToString("o");
        var targets = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var target = await PublicIdOf(await Api.RegisterAsync(UniqueName()));
            targets.Add(target);
            await Api.PostAsync($"/user/{target}/lock", token: otherAdmin);
            await Api.PostAsync($"/user/{target}/unlock", token: otherAdmin);
        }

        var since = $"from={Uri.EscapeDataString(start)}";
        var byActor = await Api.GetAsync($"/audit?actor={otherAdminId}&{since}&per_page=4", admin);
        Assert.That(byActor.Body["total"]!.GetValue<int>(), Is.EqualTo(6));
        var firstPage = byActor.Body["results"]!.AsArray();
        Assert.That(firstPage, Has.Count.EqualTo(4));
        Assert.That(firstPage[0]!["event"]!.GetValue<string>(), Is.EqualTo("user.unlocked"), "newest first");
        Assert.That(firstPage[0]!["user"]!.GetValue<string>(), Is.EqualTo(targets[2]));
        var secondPage = (await Api.GetAsync($"/audit?actor={otherAdminId}&{since}&per_page=4&page=2", admin)).Body["results"]!.AsArray();
        Assert.That(secondPage.Select(e => e!["user"]!.GetValue<string>()), Is.EqualTo(new[] { targets[0], targets[0] }));

        var locks = await Api.GetAsync($"/audit?actor={otherAdminId}&event=user.locked&from={Uri.EscapeDataString(start)}", admin);
        Assert.That(locks.Body["results"]!.AsArray().Select(e => e!["user"]!.GetValue<string>()), Is.EqualTo(targets.AsEnumerable().Reverse()));
        var beforeAll = await Api.GetAsync($"/audit?actor={otherAdminId}&to={Uri.EscapeDataString(start)}", admin);
        Assert.That(beforeAll.Body["results"]!.AsArray().Select(e => e!["event"]!.GetValue<string>()), Is.EqualTo(new[] { "sign-in.succeeded" }), "only the admin's own sign-in");
    }

    [Test]
    public async Task Role_grant_and_signing_key_changes_are_stored_too()
    {
        var role = UniqueName("Audited");
        var name = UniqueName();
        var user = await PublicIdOf(await Api.RegisterAsync(name));

        await Api.SendAsync(HttpMethod.Put, $"/roles/{role}", Support.Api.Json(new { permissions = new[] { "users.read" } }), admin);
        await Api.PostAsync("/assignroles", new { userName = name, roles = new[] { role } }, admin);
        await Api.PostAsync("/unassignroles", new { userName = name, roles = new[] { role } }, admin);
        await Api.SendAsync(HttpMethod.Delete, $"/roles/{role}", token: admin);
        var kid = (await Api.PostAsync("/signing-keys/rotate", new { }, admin)).String("kid");

        var mine = (await Api.GetAsync($"/audit?actor={adminId}&per_page=1000", admin)).Body["results"]!.AsArray();
        string[] Details(string eventName) => mine.Where(e => e!["event"]!.GetValue<string>() == eventName).Select(e => e!["details"]!.GetValue<string>()).ToArray();
        Assert.That(Details("role.saved"), Does.Contain($"role={role} permissions=users.read"));
        Assert.That(Details("role.deleted"), Does.Contain($"role={role}"));
        Assert.That(Details("signing-key.rotated").Single(d => d.StartsWith($"kid={kid}", StringComparison.Ordinal)), Does.Contain("activates="));
        var grants = mine.Where(e => e!["user"]?.GetValue<string>() == user).Select(e => e!["event"]!.GetValue<string>());
        Assert.That(grants, Is.EqualTo(new[] { "roles.unassigned", "roles.assigned" }));
    }

    [Test]
    public async Task The_trail_comes_as_csv_with_format_csv()
    {
        var target = await PublicIdOf(await Api.RegisterAsync(UniqueName()));
        await Api.PostAsync($"/user/{target}/lock", token: admin);

        var csv = await Api.GetAsync($"/audit?user={target}&event=user.locked&format=csv", admin);

        Assert.That(csv.Status, Is.EqualTo(200), csv.Text);
        Assert.That(csv.Message.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var lines = csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("at,event,user,actor,client"));
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[1], Does.Contain($",user.locked,{target},{adminId},"));
    }

    [Test]
    public async Task Reading_the_trail_takes_audit_read()
    {
        var name = UniqueName("auditor");
        var token = await Api.RegisterAsync(name);
        var refused = await Api.GetAsync("/audit", token);
        Assert.That(refused.Status, Is.EqualTo(403));
        Assert.That(refused.String("message"), Is.EqualTo("admin token required (this needs the audit.read permission)"));

        await Api.PostAsync("/assignroles", new { userName = name, permissions = new[] { "audit.read" } }, admin);

        Assert.That((await Api.GetAsync("/audit", token)).Status, Is.EqualTo(200));
        Assert.That((await Api.GetAsync("/user", token)).Status, Is.EqualTo(403), "audit.read reads the trail, not the users");
    }

    [TestCase("per_page=0")]
    [TestCase("per_page=1001")]
    [TestCase("page=0")]
    [TestCase("from=2026-12-02&to=2026-12-01")]
    [TestCase("from=yesterday")]
    public async Task A_bad_query_is_a_400(string query) =>
        Assert.That((await Api.GetAsync($"/audit?{query}", admin)).Status, Is.EqualTo(400));

    [Test]
    public async Task Rows_past_the_retention_are_purged_and_the_rest_kept()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var marker = Guid.NewGuid().ToString();
        await db.InsertAsync(new AuditEventRecord { At = DateTime.UtcNow.AddDays(-400), Event = "user.locked", UserId = marker, Client = "test" });
        await db.InsertAsync(new AuditEventRecord { At = DateTime.UtcNow.AddDays(-300), Event = "user.unlocked", UserId = marker, Client = "test" });

        await scope.ServiceProvider.GetRequiredService<AuditTrail>().PurgeAsync(new AuditSettings().Retention);

        var left = (await Api.GetAsync($"/audit?user={marker}", admin)).Body["results"]!.AsArray();
        Assert.That(left.Select(e => e!["event"]!.GetValue<string>()), Is.EqualTo(new[] { "user.unlocked" }));
    }

    private async Task<string> PublicIdOf(string token) => (await Api.GetAsync("/user/me", token)).String("public_id");
}
