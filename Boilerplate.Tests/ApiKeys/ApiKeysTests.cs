using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Boilerplate.ServiceInterface.ApiKeys;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.ApiKeys;

/// <summary>
/// API keys: a script calls the API as its user, within the key's scopes and the user's current
/// permissions, and can never change how the account is got into. Keys are shown once and kept
/// only as hashes; a key cancelled, expired, or whose user is locked or gone is refused at once.
/// </summary>
[OnEachDatabase]
public class ApiKeysTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const string Password = "password-123";
    private string admin = null!;

    [OneTimeSetUp]
    public async Task CreateAdmin() => admin = await Factory.CreateAdminAsync(UniqueName("keys_admin"));

    [Test]
    public async Task A_key_is_answered_once_and_listed_after_without_its_secret()
    {
        var (_, token) = await RegisterAsync();

        var made = await Api.PostAsync("/apikeys", new { name = "nightly export", expiresInDays = 30 }, token);

        Assert.That(made.Status, Is.EqualTo(200), made.Text);
        var key = made.String("key");
        Assert.That(key, Does.Match("^ssbk_[A-Za-z0-9_-]{43}$"), "a fixed prefix for secret scanners, and 256 random bits");
        Assert.That(key, Does.StartWith(made.String("visibleKey")));
        Assert.That(made.Body["expiryDate"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(DateTime.UtcNow.AddDays(30)).Within(TimeSpan.FromMinutes(1)));
        var listed = await Api.GetAsync("/apikeys", token);
        var only = listed.Body["results"]!.AsArray().Single()!;
        Assert.That(only["id"]!.GetValue<string>(), Is.EqualTo(made.String("id")));
        Assert.That(only["name"]!.GetValue<string>(), Is.EqualTo("nightly export"));
        Assert.That(only["key"], Is.Null);
        Assert.That(listed.Text, Does.Not.Contain(key[12..]), "no part of the secret past the visible prefix");
        var row = await RowAsync(made.String("id"));
        Assert.That(row.KeyHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))), "only the hash is stored");
        Assert.That(new[] { row.KeyHash, row.VisibleKey, row.Name, row.Scopes }, Has.None.Contains(key[12..]));
    }

    [Test]
    public async Task A_key_calls_the_API_as_its_user_sent_as_a_bearer_credential_or_in_X_Api_Key()
    {
        var (_, token) = await RegisterAsync();
        var me = (await Api.GetAsync("/user/me", token)).String("public_id");
        var key = await CreateKeyAsync(token);

        var asBearer = await Api.GetAsync("/user/me", key);
        var inHeader = await WithApiKeyHeader(HttpMethod.Get, "/user/me", key);

        Assert.That(asBearer.Status, Is.EqualTo(200), asBearer.Text);
        Assert.That(asBearer.String("public_id"), Is.EqualTo(me));
        Assert.That(inHeader.Status, Is.EqualTo(200), inHeader.Text);
        Assert.That(inHeader.String("public_id"), Is.EqualTo(me));
        Assert.That((await Api.GetAsync($"/user/{me}", key)).Status, Is.EqualTo(200), "its own record by id");
    }

    [Test]
    public async Task A_key_holds_only_those_of_its_scopes_its_user_holds_now()
    {
        var (name, token) = await RegisterAsync();
        await Api.PostAsync("/assignroles", new { userName = name, permissions = new[] { "users.read" } }, admin);
        var reader = await CreateKeyAsync(token, "users.read");
        var unscoped = await CreateKeyAsync(token);

        Assert.That((await Api.GetAsync("/user", reader)).Status, Is.EqualTo(200));
        var refused = await Api.GetAsync("/user", unscoped);
        Assert.That(refused.Status, Is.EqualTo(403));
        Assert.That(refused.String("message"), Is.EqualTo("This API key cannot do this: it needs the users.read permission in its scopes, held by its user."), "says the key, not the user, lacks it");

        await Api.PostAsync("/unassignroles", new { userName = name, permissions = new[] { "users.read" } }, admin);
        Assert.That((await Api.GetAsync("/user", reader)).Status, Is.EqualTo(403), "the permission taken from the user, the key loses it at once");
        await Api.PostAsync("/assignroles", new { userName = name, permissions = new[] { "users.read" } }, admin);
        Assert.That((await Api.GetAsync("/user", reader)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task An_admins_key_reaches_no_further_than_its_scopes()
    {
        var key = await CreateKeyAsync(admin, "users.read");
        var target = (await Api.GetAsync("/user/me", await Api.RegisterAsync(UniqueName()))).String("public_id");

        Assert.That((await Api.GetAsync("/user", key)).Status, Is.EqualTo(200));
        Assert.That((await Api.PostAsync($"/user/{target}/lock", token: key)).Status, Is.EqualTo(403));
        Assert.That((await Api.GetAsync("/signing-keys", key)).Status, Is.EqualTo(403), "the Admin role is never a key's");
        Assert.That((await Api.GetAsync("/user/me", key)).Body["admin"]!.GetValue<bool>(), Is.True, "it still reads its own user as is");
    }

    [Test]
    public async Task A_key_can_never_change_how_the_account_is_got_into_nor_delete_it()
    {
        var (name, token) = await RegisterAsync();
        var key = await CreateKeyAsync(token);
        var other = (await Api.PostAsync("/apikeys", new { name = "other" }, token)).String("id");

        var attempts = new[]
        {
            await Api.PutAsync("/user/me/password", new { current_password = Password, new_password = "taken-over-456" }, key),
            await Api.PutAsync("/user/me/email", new { email = "thief@example.com", password = Password }, key),
            await Api.PostAsync("/user/me/mfa/totp", new { password = Password }, key),
            await Api.PostAsync("/user/me/passkeys/options", new { password = Password }, key),
            await Api.GetAsync("/user/me/sessions", key),
            await Api.PostAsync("/auth/logout-all", token: key),
            await Api.PostAsync("/apikeys", new { name = "another", password = Password }, key),
            await Api.GetAsync("/apikeys", key),
            await Api.SendAsync(HttpMethod.Delete, $"/apikeys/{other}", token: key),
            await Api.SendAsync(HttpMethod.Delete, "/user/me", Support.Api.Json(new { password = Password }), key),
        };

        foreach (var attempt in attempts)
        {
            Assert.That(attempt.Status, Is.EqualTo(403), attempt.Text);
            Assert.That(attempt.String("message"), Is.EqualTo("An API key cannot do this: it needs a signed-in session."));
        }
        Assert.That((await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = Password })).Status, Is.EqualTo(200), "the password is unchanged");
        Assert.That((await Api.GetAsync("/apikeys", token)).Body["results"]!.AsArray(), Has.Count.EqualTo(2), "no key made or cancelled");
    }

    [Test]
    public async Task A_cancelled_key_is_refused_at_once()
    {
        var (_, token) = await RegisterAsync();
        var made = await Api.PostAsync("/apikeys", new { name = "to cancel" }, token);
        var key = made.String("key");
        Assert.That((await Api.GetAsync("/user/me", key)).Status, Is.EqualTo(200));

        var cancelled = await Api.SendAsync(HttpMethod.Delete, $"/apikeys/{made.String("id")}", token: token);

        Assert.That(cancelled.Status, Is.EqualTo(204), cancelled.Text);
        var refused = await Api.GetAsync("/user/me", key);
        Assert.That(refused.Status, Is.EqualTo(401));
        Assert.That(refused.String("message"), Is.EqualTo("Invalid API key."));
        Assert.That((await Api.GetAsync("/apikeys", token)).Body["results"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_key_whose_user_is_locked_or_deleted_is_refused_at_once()
    {
        var (_, token) = await RegisterAsync();
        var key = await CreateKeyAsync(token);
        var publicId = (await Api.GetAsync("/user/me", key)).String("public_id");

        await Api.PostAsync($"/user/{publicId}/lock", token: admin);
        var whileLocked = await Api.GetAsync("/user/me", key);
        Assert.That(whileLocked.Status, Is.EqualTo(401));
        Assert.That(whileLocked.String("message"), Is.EqualTo("This API key's account is locked."));

        await Api.PostAsync($"/user/{publicId}/unlock", token: admin);
        Assert.That((await Api.GetAsync("/user/me", key)).Status, Is.EqualTo(200), "unlocked, the key works again");

        await Api.SendAsync(HttpMethod.Delete, $"/user/{publicId}", token: admin);
        Assert.That((await Api.GetAsync("/user/me", key)).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task Unknown_malformed_and_huge_keys_are_401s()
    {
        foreach (var sent in new[] { "ssbk_" + new string('A', 43), "ssbk_short", "ssbk_" + new string('x', 20_000), "not-even-ours" })
        {
            var refused = await WithApiKeyHeader(HttpMethod.Get, "/user/me", sent);
            Assert.That(refused.Status, Is.EqualTo(401), refused.Text);
            Assert.That(refused.String("message"), Is.EqualTo("Invalid API key."));
        }
    }

    [Test]
    public async Task A_key_gets_only_known_scopes_its_maker_holds_and_a_sensible_name_and_expiry()
    {
        var (_, token) = await RegisterAsync();

        var unknown = await Api.PostAsync("/apikeys", new { name = "k", scopes = new[] { "users.everything" } }, token);
        var notHeld = await Api.PostAsync("/apikeys", new { name = "k", scopes = new[] { "users.delete" } }, token);
        var nameless = await Api.PostAsync("/apikeys", new { name = " " }, token);
        var forever = await Api.PostAsync("/apikeys", new { name = "k", expiresInDays = 0 }, token);

        Assert.That(unknown.Status, Is.EqualTo(400));
        Assert.That(unknown.String("message"), Does.Contain("users.read, users.manage, users.delete, roles.manage, audit.read"));
        Assert.That(notHeld.Status, Is.EqualTo(400));
        Assert.That(notHeld.String("message"), Is.EqualTo("You do not hold users.delete: a key can be given only permissions you hold."));
        Assert.That(nameless.Status, Is.EqualTo(400));
        Assert.That(forever.Status, Is.EqualTo(400));
        Assert.That(forever.String("message"), Does.Contain("1 to 3650"));
    }

    [Test]
    public async Task A_user_manager_lists_and_cancels_a_users_keys_but_not_an_admins()
    {
        var (_, owner) = await RegisterAsync();
        var key = await CreateKeyAsync(owner);
        var ownerId = (await Api.GetAsync("/user/me", owner)).String("public_id");
        var (managerName, manager) = await RegisterAsync();
        await Api.PostAsync("/assignroles", new { userName = managerName, permissions = new[] { "users.manage" } }, admin);

        var listed = await Api.GetAsync($"/user/{ownerId}/apikeys", manager);
        Assert.That(listed.Status, Is.EqualTo(200), listed.Text);
        var id = listed.Body["results"]!.AsArray().Single()!["id"]!.GetValue<string>();
        Assert.That((await Api.SendAsync(HttpMethod.Delete, $"/apikeys/{id}", token: manager)).Status, Is.EqualTo(404), "not the manager's own key");
        Assert.That((await Api.SendAsync(HttpMethod.Delete, $"/user/{ownerId}/apikeys/{id}", token: manager)).Status, Is.EqualTo(204));
        Assert.That((await Api.GetAsync("/user/me", key)).Status, Is.EqualTo(401));

        await CreateKeyAsync(admin);
        var adminId = (await Api.GetAsync("/user/me", admin)).String("public_id");
        var adminKey = (await Api.GetAsync($"/user/{adminId}/apikeys", manager)).Body["results"]!.AsArray()[0]!["id"]!.GetValue<string>();
        Assert.That((await Api.SendAsync(HttpMethod.Delete, $"/user/{adminId}/apikeys/{adminKey}", token: manager)).Status, Is.EqualTo(403));
        Assert.That((await Api.GetAsync($"/user/{ownerId}/apikeys", owner)).Status, Is.EqualTo(403), "users.manage is needed");
    }

    [Test]
    public async Task Making_and_cancelling_keys_are_stored_in_the_audit_trail()
    {
        var (_, token) = await RegisterAsync();
        var me = (await Api.GetAsync("/user/me", token)).String("public_id");
        var id = (await Api.PostAsync("/apikeys", new { name = "audited" }, token)).String("id");
        await Api.SendAsync(HttpMethod.Delete, $"/apikeys/{id}", token: token);

        var trail = await Api.GetAsync($"/audit?user={me}", admin);

        var events = trail.Body["results"]!.AsArray()
            .Select(e => (e!["event"]!.GetValue<string>(), e["actor"]!.GetValue<string>(), e["details"]!.GetValue<string>()))
            .Where(e => e.Item1.StartsWith("apikey.", StringComparison.Ordinal)).ToList();
        Assert.That(events, Is.EqualTo(new[] { ("apikey.cancelled", me, $"key={id}"), ("apikey.created", me, $"key={id} scopes=") }));
    }

    [Test]
    public async Task What_a_key_does_is_audited_as_its_users_act_naming_the_key()
    {
        var (name, token) = await RegisterAsync();
        await Api.PostAsync("/assignroles", new { userName = name, permissions = new[] { "users.manage" } }, admin);
        var made = await Api.PostAsync("/apikeys", new { name = "locker", scopes = new[] { "users.manage" } }, token);
        var me = (await Api.GetAsync("/user/me", token)).String("public_id");
        var target = (await Api.GetAsync("/user/me", await Api.RegisterAsync(UniqueName()))).String("public_id");

        Assert.That((await Api.PostAsync($"/user/{target}/lock", token: made.String("key"))).Status, Is.EqualTo(200));

        var locked = (await Api.GetAsync($"/audit?user={target}&event=user.locked", admin)).Body["results"]!.AsArray().Single()!;
        Assert.That(locked["event"]!.GetValue<string>(), Is.EqualTo("user.locked"));
        Assert.That(locked["actor"]!.GetValue<string>(), Is.EqualTo(me));
        Assert.That(locked["details"]!.GetValue<string>(), Is.EqualTo($"apikey={made.String("id")}"));
    }

    [Test]
    public async Task When_a_key_was_last_used_is_listed_and_written_coalesced()
    {
        var (_, token) = await RegisterAsync();
        var made = await Api.PostAsync("/apikeys", new { name = "used" }, token);
        Assert.That((await Api.GetAsync("/apikeys", token)).Body["results"]![0]!["lastUsedDate"], Is.Null);

        for (var i = 0; i < 5; i++)
            await Api.GetAsync("/user/me", made.String("key"));

        var lastUsed = (await Api.GetAsync("/apikeys", token)).Body["results"]![0]!["lastUsedDate"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.That(lastUsed, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromSeconds(10)));
        Assert.That((await RowAsync(made.String("id"))).LastUsedOn, Is.Null, "not written by the requests themselves");
        await Factory.Services.GetRequiredService<ApiKeyUsage>().WriteAsync();
        Assert.That((await RowAsync(made.String("id"))).LastUsedOn, Is.EqualTo(lastUsed).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task An_expired_key_is_refused()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var factory = new ApiFactory(clock: clock, kind: Kind);
        var api = factory.CreateApi();
        var token = await api.RegisterAsync("expiring_key");
        var key = (await api.PostAsync("/apikeys", new { name = "a day", expiresInDays = 1 }, token)).String("key");
        Assert.That((await api.GetAsync("/user/me", key)).Status, Is.EqualTo(200));

        clock.Now += TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1);

        var refused = await api.GetAsync("/user/me", key);
        Assert.That(refused.Status, Is.EqualTo(401));
        Assert.That(refused.String("message"), Is.EqualTo("This API key has expired."));
    }

    [Test]
    public async Task Making_a_key_takes_the_password_unless_the_session_signed_in_with_it_moments_ago()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var factory = new ApiFactory(clock: clock, kind: Kind);
        var api = factory.CreateApi();
        await api.RegisterAsync("confirming");
        var token = await api.LoginAsync("confirming@example.com", Password);
        Assert.That((await api.PostAsync("/apikeys", new { name = "fresh" }, token)).Status, Is.EqualTo(200), "signed in with the password just now");

        clock.Now += TimeSpan.FromMinutes(6);

        var unconfirmed = await api.PostAsync("/apikeys", new { name = "later" }, token);
        Assert.That(unconfirmed.Status, Is.EqualTo(400));
        Assert.That(unconfirmed.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("password"));
        Assert.That((await api.PostAsync("/apikeys", new { name = "later", password = Password }, token)).Status, Is.EqualTo(200));
    }

    private async Task<(string Name, string Token)> RegisterAsync()
    {
        var name = UniqueName("keys");
        return (name, await Api.RegisterAsync(name, Password));
    }

    private async Task<string> CreateKeyAsync(string token, params string[] scopes)
    {
        var made = await Api.PostAsync("/apikeys", new { name = "script", scopes, password = Password }, token);
        Assert.That(made.Status, Is.EqualTo(200), made.Text);
        return made.String("key");
    }

    private async Task<ApiResponse> WithApiKeyHeader(HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        using var response = await Api.Http.SendAsync(request);
        return new ApiResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private async Task<ApiKeyRecord> RowAsync(string id)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().ApiKeys.SingleAsync(k => k.PublicId == id);
    }
}
