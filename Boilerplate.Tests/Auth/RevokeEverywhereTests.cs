using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Auth;

/// <summary>Ending every session of a user at once: logout-all and password change.</summary>
[OnEachDatabase]
public class RevokeEverywhereTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Logout_all_ends_every_session_of_the_caller()
    {
        var name = await Registered();
        var phone = await Login(name);
        var laptop = await Login(name);

        var response = await Api.PostAsync("/auth/logout-all", token: phone.String("Authorization"));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        foreach (var session in new[] { phone, laptop })
        {
            var me = await Api.GetAsync("/user/me", session.String("Authorization"));
            Assert.That(me.Status, Is.EqualTo(401));
            Assert.That(me.String("message"), Is.EqualTo("Token blacklisted. Please log in again."));
            Assert.That((await Refresh(session)).Status, Is.EqualTo(401));
        }
    }

    [Test]
    public async Task Logout_all_leaves_other_users_alone()
    {
        var mine = await Login(await Registered());
        var theirs = await Login(await Registered());

        await Api.PostAsync("/auth/logout-all", token: mine.String("Authorization"));

        Assert.That((await Api.GetAsync("/user/me", theirs.String("Authorization"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Signing_in_again_after_logout_all_works()
    {
        var name = await Registered();
        await Api.PostAsync("/auth/logout-all", token: (await Login(name)).String("Authorization"));

        var again = await Login(name);

        Assert.That((await Api.GetAsync("/user/me", again.String("Authorization"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_password_change_returns_a_fresh_session_and_ends_all_others()
    {
        var name = await Registered();
        var current = await Login(name);
        var other = await Login(name);

        var changed = await Api.SendAsync(HttpMethod.Put, "/user/me/password",
            Api.Json(new { current_password = "password-123", new_password = "a-new-password-456" }), current.String("Authorization"));

        Assert.That(changed.Status, Is.EqualTo(200), changed.Text);
        Assert.That((await Api.GetAsync("/user/me", changed.String("Authorization"))).Status, Is.EqualTo(200));
        Assert.That((await Api.GetAsync("/user/me", other.String("Authorization"))).Status, Is.EqualTo(401));
        Assert.That((await Api.GetAsync("/user/me", current.String("Authorization"))).Status, Is.EqualTo(401));
        Assert.That((await Refresh(other)).Status, Is.EqualTo(401));
        Assert.That((await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" })).Status, Is.EqualTo(401));
        Assert.That((await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "a-new-password-456" })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_wrong_current_password_is_400_and_changes_nothing()
    {
        var name = await Registered();
        var session = await Login(name);

        var changed = await Api.SendAsync(HttpMethod.Put, "/user/me/password",
            Api.Json(new { current_password = "wrong-password", new_password = "a-new-password-456" }), session.String("Authorization"));

        Assert.That(changed.Status, Is.EqualTo(400));
        Assert.That(changed.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("current_password"));
        Assert.That((await Api.GetAsync("/user/me", session.String("Authorization"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_weak_new_password_is_400_naming_new_password()
    {
        var session = await Login(await Registered());

        var changed = await Api.SendAsync(HttpMethod.Put, "/user/me/password",
            Api.Json(new { current_password = "password-123", new_password = "short" }), session.String("Authorization"));

        Assert.That(changed.Status, Is.EqualTo(400));
        Assert.That(changed.String("message"), Is.EqualTo("new_password must be at least 8 characters."));
    }

    [Test]
    public async Task Revocations_survive_a_restart()
    {
        using var database = TestDatabase.Create(Kind);
        string token;
        using (var first = new ApiFactory(database: database))
        {
            var api = first.CreateApi();
            await api.RegisterAsync("everywhere");
            token = await api.LoginAsync("everywhere@example.com", "password-123");
            await api.PostAsync("/auth/logout-all", token: await api.LoginAsync("everywhere@example.com", "password-123"));
        }

        int status;
        using (var second = new ApiFactory(database: database))
            status = (await second.CreateApi().GetAsync("/user/me", token)).Status;

        Assert.That(status, Is.EqualTo(401));
    }

    private async Task<string> Registered()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name);
        return name;
    }

    private Task<ApiResponse> Login(string name) =>
        Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" });

    private Task<ApiResponse> Refresh(ApiResponse session) =>
        Api.PostAsync("/access-token", new { refreshToken = session.String("refreshToken") });
}
