using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.Sessions;

/// <summary>
/// The device list: every sign-in is a session the user can see and end, and an ended session's
/// access tokens are refused at once, not when they expire.
/// </summary>
[OnEachDatabase]
public class SessionListTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const string Laptop = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
    private const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile Safari";

    private async Task<ApiResponse> SignInAsync(string name, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = Api.Json(new { email = $"{name}@example.com", password = "password-123" }) };
        request.Headers.UserAgent.ParseAdd(userAgent);
        using var response = await Api.Http.SendAsync(request);
        var signedIn = new ApiResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        Assert.That(signedIn.Status, Is.EqualTo(200), signedIn.Text);
        return signedIn;
    }

    private async Task<JsonArray> SessionsAsync(string token)
    {
        var list = await Api.GetAsync("/user/me/sessions", token);
        Assert.That(list.Status, Is.EqualTo(200), list.Text);
        return list.Body["data"]!.AsArray();
    }

    private static string SessionOf(string token) => new JsonWebToken(token).GetClaim("sid").Value;

    [Test]
    public async Task Sign_ins_from_two_devices_are_listed_newest_first_with_where_and_what_they_came_from()
    {
        var name = UniqueName("devices");
        await Api.RegisterAsync(name);
        var laptop = (await SignInAsync(name, Laptop)).String("Authorization");
        var phone = (await SignInAsync(name, Phone)).String("Authorization");

        var sessions = await SessionsAsync(phone);

        Assert.That(sessions, Has.Count.EqualTo(3), "the registration and the two sign-ins");
        Assert.That(sessions[0]!["session_id"]!.GetValue<string>(), Is.EqualTo(SessionOf(phone)));
        Assert.That(sessions[0]!["user_agent"]!.GetValue<string>(), Is.EqualTo(Phone));
        Assert.That(sessions[0]!["current"]!.GetValue<bool>(), Is.True);
        Assert.That(sessions[1]!["session_id"]!.GetValue<string>(), Is.EqualTo(SessionOf(laptop)));
        Assert.That(sessions[1]!["user_agent"]!.GetValue<string>(), Is.EqualTo(Laptop));
        Assert.That(sessions[1]!["current"]!.GetValue<bool>(), Is.False);
        Assert.That(sessions.Select(s => s!["created_on"]!.GetValue<string>()), Has.All.EndsWith("Z"));
    }

    [Test]
    public async Task A_refresh_moves_last_used_on_and_records_where_it_came_from()
    {
        var name = UniqueName("refresher");
        await Api.RegisterAsync(name);
        var signedIn = await SignInAsync(name, Laptop);
        var before = (await SessionsAsync(signedIn.String("Authorization")))[0]!;

        await Task.Delay(1100);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/access-token") { Content = Api.Json(new { refreshToken = signedIn.String("refreshToken") }) };
        request.Headers.UserAgent.ParseAdd(Phone);
        using var refreshed = await Api.Http.SendAsync(request);
        var access = JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        var after = (await SessionsAsync(access)).Single(s => s!["session_id"]!.GetValue<string>() == SessionOf(access))!;

        Assert.That(after["created_on"]!.GetValue<DateTime>(), Is.EqualTo(before["created_on"]!.GetValue<DateTime>()));
        Assert.That(after["last_used_on"]!.GetValue<DateTime>(), Is.GreaterThan(before["last_used_on"]!.GetValue<DateTime>()));
        Assert.That(after["user_agent"]!.GetValue<string>(), Is.EqualTo(Phone));
    }

    [Test]
    public async Task Ending_a_session_kills_its_refresh_token_and_refuses_its_access_tokens_at_once()
    {
        var name = UniqueName("ender");
        var keep = await Api.RegisterAsync(name);
        var lost = await SignInAsync(name, Phone);
        var lostToken = lost.String("Authorization");

        var ended = await Api.SendAsync(HttpMethod.Delete, $"/user/me/sessions/{SessionOf(lostToken)}", token: keep);

        Assert.That(ended.Status, Is.EqualTo(204), ended.Text);
        Assert.That((await Api.GetAsync("/user/me", lostToken)).Status, Is.EqualTo(401), "its access token, though unexpired");
        Assert.That((await Api.PostAsync("/access-token", new { refreshToken = lost.String("refreshToken") })).Status, Is.EqualTo(401));
        Assert.That((await Api.GetAsync("/user/me", keep)).Status, Is.EqualTo(200), "the other session goes on");
        Assert.That((await SessionsAsync(keep)).Select(s => s!["session_id"]!.GetValue<string>()), Is.EqualTo(new[] { SessionOf(keep) }));
    }

    [Test]
    public async Task Another_users_session_or_an_unknown_one_is_404_and_nothing_ends()
    {
        var (mine, theirs) = (UniqueName("mine"), UniqueName("theirs"));
        var me = await Api.RegisterAsync(mine);
        var them = await Api.RegisterAsync(theirs);

        var other = await Api.SendAsync(HttpMethod.Delete, $"/user/me/sessions/{SessionOf(them)}", token: me);
        var unknown = await Api.SendAsync(HttpMethod.Delete, "/user/me/sessions/0123456789abcdef0123456789abcdef", token: me);

        Assert.That((other.Status, unknown.Status), Is.EqualTo((404, 404)));
        Assert.That(other.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("NotFound"));
        Assert.That((await Api.GetAsync("/user/me", them)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Logout_others_ends_every_session_but_the_callers()
    {
        var name = UniqueName("others");
        var first = await Api.RegisterAsync(name);
        var second = await SignInAsync(name, Laptop);
        var caller = (await SignInAsync(name, Phone)).String("Authorization");

        var response = await Api.PostAsync("/auth/logout-others", token: caller);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.String("message"), Is.EqualTo("Signed out of 2 other sessions."));
        Assert.That((await Api.GetAsync("/user/me", first)).Status, Is.EqualTo(401));
        Assert.That((await Api.GetAsync("/user/me", second.String("Authorization"))).Status, Is.EqualTo(401));
        Assert.That((await Api.PostAsync("/access-token", new { refreshToken = second.String("refreshToken") })).Status, Is.EqualTo(401));
        Assert.That((await Api.GetAsync("/user/me", caller)).Status, Is.EqualTo(200));
        Assert.That(await SessionsAsync(caller), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Logout_refuses_every_access_token_of_the_session_not_just_the_one_sent()
    {
        var name = UniqueName("wholesession");
        await Api.RegisterAsync(name);
        var signedIn = await SignInAsync(name, Laptop);
        var older = signedIn.String("Authorization");
        var newer = (await Api.PostAsync("/access-token", new { refreshToken = signedIn.String("refreshToken") })).String("accessToken");

        Assert.That((await Api.PostAsync("/auth/logout", token: newer)).Status, Is.EqualTo(200));

        Assert.That((await Api.GetAsync("/user/me", older)).Status, Is.EqualTo(401), "the session's earlier access token too");
    }

    [Test]
    public async Task A_replayed_refresh_token_ends_the_session_and_its_access_tokens_at_once()
    {
        var name = UniqueName("replayed");
        await Api.RegisterAsync(name);
        var signedIn = await SignInAsync(name, Laptop);
        var renewed = await Api.PostAsync("/access-token", new { refreshToken = signedIn.String("refreshToken") });

        Assert.That((await Api.PostAsync("/access-token", new { refreshToken = signedIn.String("refreshToken") })).Status, Is.EqualTo(401), "the replay");

        Assert.That((await Api.GetAsync("/user/me", renewed.String("accessToken"))).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task Admins_list_and_end_a_users_sessions_and_others_may_not()
    {
        var admin = await Factory.CreateAdminAsync(UniqueName("sessionadmin"));
        var name = UniqueName("watched");
        var user = await Api.RegisterAsync(name);
        var publicId = new JsonWebToken(user).Subject;

        var listed = await Api.GetAsync($"/user/{publicId}/sessions", admin);
        var byUser = await Api.GetAsync($"/user/{publicId}/sessions", user);
        var ended = await Api.SendAsync(HttpMethod.Delete, $"/user/{publicId}/sessions/{SessionOf(user)}", token: admin);

        Assert.That(listed.Status, Is.EqualTo(200), listed.Text);
        Assert.That(listed.Body["data"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()), Is.EqualTo(new[] { SessionOf(user) }));
        Assert.That(listed.Body["data"]![0]!["current"]!.GetValue<bool>(), Is.False, "the admin's own session is another");
        Assert.That(byUser.Status, Is.EqualTo(403));
        Assert.That(ended.Status, Is.EqualTo(204));
        Assert.That((await Api.GetAsync("/user/me", user)).Status, Is.EqualTo(401));
        Assert.That((await Api.GetAsync($"/user/{Guid.NewGuid()}/sessions", admin)).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Expired_sessions_are_not_listed()
    {
        using var brief = new ApiFactory(kind: Kind) { Settings = { ["Auth:RefreshTokenLifetime"] = "00:00:02" } };
        var api = brief.CreateApi();
        var name = UniqueName("brief");
        await api.RegisterAsync(name);
        await Task.Delay(2500);
        var fresh = await api.LoginAsync($"{name}@example.com", "password-123");

        var list = (await api.GetAsync("/user/me/sessions", fresh)).Body["data"]!.AsArray();

        Assert.That(list.Select(s => s!["session_id"]!.GetValue<string>()), Is.EqualTo(new[] { SessionOf(fresh) }));
    }
}
