using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.ApiKeys;

/// <summary>
/// A key cancelled, its user locked or deleted, or its user's permission taken on one host is
/// refused on the other within a second, though that host has just let the key in and holds it.
/// Two hosts on one PostgreSQL database, on production settings (bcrypt's cost, the rate limits, HTTPS).
/// </summary>
[NonParallelizable]
public class ApiKeysAcrossHostsTests() : TwoHostFixture("apikeys_root", production: true)
{
    private const string Password = "password-123";

    [Test]
    public async Task A_key_cancelled_on_one_host_is_refused_on_the_other_within_a_second()
    {
        var token = await RegisterAsync();
        var made = await A.PostAsync("/apikeys", new { name = "cancelled", password = Password }, token);
        var key = made.String("key");
        Assert.That((await B.GetAsync("/user/me", key)).Status, Is.EqualTo(200));

        await A.SendAsync(HttpMethod.Delete, $"/apikeys/{made.String("id")}", token: token);

        await ExpectOnB(key, "/user/me", 401);
    }

    [Test]
    public async Task A_key_whose_user_is_locked_then_deleted_on_one_host_is_refused_on_the_other_within_a_second()
    {
        var token = await RegisterAsync();
        var key = (await A.PostAsync("/apikeys", new { name = "locked", password = Password }, token)).String("key");
        var publicId = (await B.GetAsync("/user/me", key)).String("public_id");

        await A.PostAsync($"/user/{publicId}/lock", token: AdminToken);
        await ExpectOnB(key, "/user/me", 401);

        await A.PostAsync($"/user/{publicId}/unlock", token: AdminToken);
        await ExpectOnB(key, "/user/me", 200);

        await A.SendAsync(HttpMethod.Delete, $"/user/{publicId}", token: AdminToken);
        await ExpectOnB(key, "/user/me", 401);
    }

    [Test]
    public async Task A_permission_taken_from_a_keys_user_on_one_host_is_refused_to_the_key_on_the_other_within_a_second()
    {
        var name = "keyholder_" + Guid.NewGuid().ToString("N")[..8];
        var token = await A.RegisterAsync(name, Password);
        await A.PostAsync("/assignroles", new { userName = name, permissions = new[] { "users.read" } }, AdminToken);
        var key = (await A.PostAsync("/apikeys", new { name = "reader", scopes = new[] { "users.read" }, password = Password }, token)).String("key");
        Assert.That((await B.GetAsync("/user", key)).Status, Is.EqualTo(200));

        await A.PostAsync("/unassignroles", new { userName = name, permissions = new[] { "users.read" } }, AdminToken);

        await ExpectOnB(key, "/user", 403);
    }

    private Task ExpectOnB(string key, string path, int status) => ExpectWithinGuarantee(async () => (await B.GetAsync(path, key)).Status, status);

    private Task<string> RegisterAsync() => A.RegisterAsync("keyholder_" + Guid.NewGuid().ToString("N")[..8], Password);
}
