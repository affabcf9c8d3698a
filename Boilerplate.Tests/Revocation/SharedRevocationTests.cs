using System.Diagnostics;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.Revocation;

/// <summary>
/// Two hosts on one PostgreSQL database, as behind a load balancer: whatever one host revokes,
/// the other refuses within a second, though it checks tokens in memory.
/// </summary>
public class SharedRevocationTests() : TwoHostFixture("shared_admin")
{
    [Test]
    public async Task A_logout_on_one_host_is_refused_by_the_other()
    {
        var token = await A.RegisterAsync("shared_logout");
        Assert.That((await B.GetAsync("/user/me", token)).Status, Is.EqualTo(200));

        Assert.That((await A.PostAsync("/auth/logout", token: token)).Status, Is.EqualTo(200));

        await AssertRefusedBySecondHost(token);
    }

    [Test]
    public async Task Logout_all_on_one_host_ends_sessions_signed_in_on_the_other()
    {
        var onA = await A.RegisterAsync("shared_all");
        var onB = await B.LoginAsync("shared_all@example.com", "password-123");

        Assert.That((await A.PostAsync("/auth/logout-all", token: onA)).Status, Is.EqualTo(200));

        await AssertRefusedBySecondHost(onB);
    }

    [Test]
    public async Task Locking_a_user_on_one_host_ends_their_tokens_on_the_other()
    {
        var token = await A.RegisterAsync("shared_lock");

        Assert.That((await A.PostAsync($"/user/{PublicId(token)}/lock", token: AdminToken)).Status, Is.EqualTo(200));

        await AssertRefusedBySecondHost(token);
    }

    [Test]
    public async Task Demoting_an_admin_on_one_host_ends_their_admin_tokens_on_the_other()
    {
        var demoted = await First.CreateAdminAsync("shared_demoted");
        Assert.That((await B.GetAsync("/user", demoted)).Status, Is.EqualTo(200));

        var response = await A.SendAsync(HttpMethod.Put, $"/user/{PublicId(demoted)}/admin", Api.Json(new { admin = false }), AdminToken);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);

        await AssertRefusedBySecondHost(demoted, "/user");
    }

    [Test]
    public async Task Deleting_a_user_on_one_host_ends_their_tokens_on_the_other()
    {
        var token = await A.RegisterAsync("shared_delete");

        Assert.That((await A.SendAsync(HttpMethod.Delete, $"/user/{PublicId(token)}", token: AdminToken)).Status, Is.EqualTo(204));

        await AssertRefusedBySecondHost(token);
    }

    [Test]
    public async Task A_password_change_on_one_host_ends_older_tokens_on_the_other()
    {
        var token = await A.RegisterAsync("shared_password");
        var onB = await B.LoginAsync("shared_password@example.com", "password-123");

        var change = await A.SendAsync(HttpMethod.Put, "/user/me/password", Api.Json(new { current_password = "password-123", new_password = "password-456" }), token);
        Assert.That(change.Status, Is.EqualTo(200), change.Text);

        await AssertRefusedBySecondHost(onB);
    }

    [Test]
    public async Task A_refresh_token_replayed_on_one_host_ends_the_family_on_the_other()
    {
        await A.RegisterAsync("shared_family");
        var spent = (await A.PostAsync("/auth/login", new { email = "shared_family@example.com", password = "password-123" })).String("refreshToken");
        var current = (await A.PostAsync("/access-token", new { refreshToken = spent })).String("refreshToken");

        Assert.That((await B.PostAsync("/access-token", new { refreshToken = spent })).Status, Is.EqualTo(401), "the replay");

        Assert.That((await A.PostAsync("/access-token", new { refreshToken = current })).Status, Is.EqualTo(401), "the family is over everywhere");
    }

    [Test]
    public async Task Token_ids_from_the_two_hosts_never_collide()
    {
        await A.RegisterAsync("shared_ids");
        var ids = new List<string>();
        // A pair at a time, one on each host: more guesses of one account at once than the lockout
        // allows would be refused (Security/GuessingTests).
        for (var pair = 0; pair < 50; pair++)
        {
            var tokens = await Task.WhenAll(A.LoginAsync("shared_ids@example.com", "password-123"), B.LoginAsync("shared_ids@example.com", "password-123"));
            ids.AddRange(tokens.Select(token => new JsonWebToken(token).Id));
        }

        Assert.That(ids, Is.Unique.And.Count.EqualTo(100));
    }

    private async Task AssertRefusedBySecondHost(string token, string path = "/user/me")
    {
        var clock = Stopwatch.StartNew();
        while ((await B.GetAsync(path, token)).Status != 401)
        {
            Assert.That(clock.Elapsed, Is.LessThan(Guarantee), "the second host still accepts the token");
            await Task.Delay(10);
        }
        TestContext.Out.WriteLine($"refused by the second host after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    private static string PublicId(string token) => new JsonWebToken(token).Subject;
}
