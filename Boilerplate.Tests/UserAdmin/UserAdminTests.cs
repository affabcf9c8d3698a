using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.UserAdmin;

/// <summary>Admins manage accounts; the last admin cannot remove themselves.</summary>
[OnEachDatabase]
public class UserAdminTests(DatabaseKind kind) : ApiFixture(kind)
{
    private string admin = null!;

    [OneTimeSetUp]
    public async Task CreateAdmin() => admin = await Factory.CreateAdminAsync(UniqueName("admin"));

    [Test]
    public async Task Demotion_removes_admin_rights_at_once()
    {
        var name = UniqueName("second_admin");
        var secondAdmin = await Factory.CreateAdminAsync(name);
        Assert.That((await Api.GetAsync("/user", secondAdmin)).Status, Is.EqualTo(200));

        var demoted = await Put($"/user/{await PublicIdOf(secondAdmin)}/admin", new { admin = false }, admin);

        Assert.That(demoted.Status, Is.EqualTo(200), demoted.Text);
        Assert.That(demoted.Body["admin"]!.GetValue<bool>(), Is.False);
        Assert.That((await Api.GetAsync("/user", secondAdmin)).Status, Is.EqualTo(401), "the admin token stops working at once");
        var again = await Api.LoginAsync($"{name}@example.com", "admin-password-1");
        Assert.That((await Api.GetAsync("/user", again)).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task Promotion_gives_admin_rights_from_the_next_sign_in()
    {
        var name = UniqueName();
        var token = await Api.RegisterAsync(name);

        var promoted = await Put($"/user/{await PublicIdOf(token)}/admin", new { admin = true }, admin);

        Assert.That(promoted.Body["admin"]!.GetValue<bool>(), Is.True);
        Assert.That((await Api.GetAsync("/user", await Api.LoginAsync($"{name}@example.com", "password-123"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_locked_user_is_signed_out_cannot_sign_in_or_refresh_until_unlocked()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name);
        var session = await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" });
        var publicId = await PublicIdOf(session.String("Authorization"));

        var locked = await Api.PostAsync($"/user/{publicId}/lock", token: admin);

        Assert.That(locked.Body["locked"]!.GetValue<bool>(), Is.True);
        Assert.That((await Api.GetAsync("/user/me", session.String("Authorization"))).Status, Is.EqualTo(401));
        var login = await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" });
        Assert.That(login.Status, Is.EqualTo(401));
        Assert.That(login.String("message"), Does.Contain("locked"));
        Assert.That((await Api.PostAsync("/access-token", new { refreshToken = session.String("refreshToken") })).Status, Is.EqualTo(401));

        await Api.PostAsync($"/user/{publicId}/unlock", token: admin);
        Assert.That((await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Deleting_a_user_kills_their_tokens_and_their_account()
    {
        var name = UniqueName();
        var token = await Api.RegisterAsync(name);
        var publicId = await PublicIdOf(token);

        var deleted = await Api.SendAsync(HttpMethod.Delete, $"/user/{publicId}", token: admin);

        Assert.That(deleted.Status, Is.EqualTo(204));
        Assert.That((await Api.GetAsync("/user/me", token)).Status, Is.EqualTo(401));
        Assert.That((await Api.GetAsync($"/user/{publicId}", admin)).Status, Is.EqualTo(404));
        Assert.That((await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" })).Status, Is.EqualTo(401));
        Assert.That((await Api.RegisterAsync(name)).Length, Is.GreaterThan(0), "the email and username are free again");
    }

    [TestCase("PUT", "admin")]
    [TestCase("POST", "lock")]
    [TestCase("POST", "unlock")]
    [TestCase("DELETE", "")]
    public async Task Account_administration_is_for_admins_only(string verb, string action)
    {
        var user = await Api.RegisterAsync(UniqueName());
        var path = $"/user/{await PublicIdOf(user)}" + (action.Length > 0 ? "/" + action : "");

        var response = await Api.SendAsync(new HttpMethod(verb), path, Api.Json(new { admin = true }), user);

        Assert.That(response.Status, Is.EqualTo(403));
    }

    [Test]
    public async Task An_unknown_user_is_404_for_every_admin_action()
    {
        var path = $"/user/{Guid.NewGuid()}";
        Assert.That((await Put(path + "/admin", new { admin = true }, admin)).Status, Is.EqualTo(404));
        Assert.That((await Api.PostAsync(path + "/lock", token: admin)).Status, Is.EqualTo(404));
        Assert.That((await Api.SendAsync(HttpMethod.Delete, path, token: admin)).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Admin_must_be_given_when_setting_admin()
    {
        var user = await Api.RegisterAsync(UniqueName());
        var response = await Put($"/user/{await PublicIdOf(user)}/admin", new { }, admin);
        Assert.That(response.Status, Is.EqualTo(400));
    }

    private Task<ApiResponse> Put(string path, object body, string token) =>
        Api.SendAsync(HttpMethod.Put, path, Api.Json(body), token);

    private async Task<string> PublicIdOf(string token) => (await Api.GetAsync("/user/me", token)).String("public_id");
}

/// <summary>Someone must always be able to administer: the last admin cannot remove themselves.</summary>
[OnEachDatabase]
public class LastAdminTests(DatabaseKind kind)
{
    [Test]
    public async Task The_last_admin_cannot_demote_lock_or_delete_themselves()
    {
        using var factory = new ApiFactory(kind: kind);
        var api = factory.CreateApi();
        var admin = await factory.CreateAdminAsync("only_admin");
        var me = (await api.GetAsync("/user/me", admin)).String("public_id");

        var demote = await api.SendAsync(HttpMethod.Put, $"/user/{me}/admin", Api.Json(new { admin = false }), admin);
        var lockSelf = await api.PostAsync($"/user/{me}/lock", token: admin);
        var delete = await api.SendAsync(HttpMethod.Delete, $"/user/{me}", token: admin);
        var deleteMe = await api.SendAsync(HttpMethod.Delete, "/user/me", Api.Json(new { password = "admin-password-1" }), admin);

        foreach (var response in new[] { demote, lockSelf, delete, deleteMe })
        {
            Assert.That(response.Status, Is.EqualTo(409), response.Text);
            Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("LastAdmin"));
        }
        Assert.That((await api.GetAsync("/user", admin)).Status, Is.EqualTo(200), "still an admin, still signed in");
    }

    [Test]
    public async Task With_a_second_admin_an_admin_may_step_down()
    {
        using var factory = new ApiFactory(kind: kind);
        var api = factory.CreateApi();
        var first = await factory.CreateAdminAsync("first_admin");
        await factory.CreateAdminAsync("second_admin");
        var me = (await api.GetAsync("/user/me", first)).String("public_id");

        var demote = await api.SendAsync(HttpMethod.Put, $"/user/{me}/admin", Api.Json(new { admin = false }), first);

        Assert.That(demote.Status, Is.EqualTo(200), demote.Text);
    }
}
