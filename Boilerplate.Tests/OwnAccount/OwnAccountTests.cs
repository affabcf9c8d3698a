using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.OwnAccount;

/// <summary>What users do to their own account, confirmed with their password: change it, delete the account.</summary>
[OnEachDatabase]
public class OwnAccountTests(DatabaseKind kind) : ApiFixture(kind)
{
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
    public async Task Users_delete_their_own_account_with_their_password()
    {
        var token = await Api.RegisterAsync(UniqueName());

        var wrong = await Api.SendAsync(HttpMethod.Delete, "/user/me", Api.Json(new { password = "nope-nope" }), token);
        var right = await Api.SendAsync(HttpMethod.Delete, "/user/me", Api.Json(new { password = "password-123" }), token);

        Assert.That(wrong.Status, Is.EqualTo(400));
        Assert.That(right.Status, Is.EqualTo(204));
        Assert.That((await Api.GetAsync("/user/me", token)).Status, Is.EqualTo(401));
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
