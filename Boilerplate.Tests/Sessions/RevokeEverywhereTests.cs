using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Sessions;

/// <summary>Ending every session of a user at once: logout-all.</summary>
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
