using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.SigningKeys;

/// <summary>
/// Admins rotate and revoke the signing keys over the API, with nobody signed out: a new key is
/// published before it signs, replaced keys verify their tokens until those expire, and a revoked
/// key's tokens are refused at once while sign-in goes on with a fresh key.
/// </summary>
[OnEachDatabase]
public class SigningKeyRotationTests(DatabaseKind kind) : ApiFixture(kind)
{
    private string admin = null!;

    [OneTimeSetUp]
    public async Task MakeAdmin() => admin = await Factory.CreateAdminAsync(UniqueName("keys_admin"));

    [Test]
    public async Task A_rotated_key_is_published_at_once_and_signs_only_after_the_delay()
    {
        var signing = Kid(await Api.RegisterAsync(UniqueName()));

        var rotated = await Api.PostAsync("/signing-keys/rotate", new { }, admin);

        Assert.That(rotated.Status, Is.EqualTo(200), rotated.Text);
        var kid = rotated.String("kid");
        Assert.That(rotated.String("state"), Is.EqualTo("pending"));
        Assert.That(DateTime.Parse(rotated.String("activatesOn"), null, System.Globalization.DateTimeStyles.RoundtripKind),
            Is.EqualTo(DateTime.UtcNow.AddMinutes(10)).Within(TimeSpan.FromMinutes(1)));
        Assert.That(await PublishedKids(), Does.Contain(kid).And.Contain(signing));
        Assert.That(Kid(await Api.RegisterAsync(UniqueName())), Is.EqualTo(signing), "the old key signs until the new one activates");
        Assert.That(await States(), Does.Contain((kid, "pending")).And.Contain((signing, "signing")));
    }

    [Test]
    public async Task A_key_rotated_now_signs_new_tokens_while_the_old_keys_tokens_keep_working()
    {
        var old = await Api.RegisterAsync(UniqueName());

        var rotated = await Api.PostAsync("/signing-keys/rotate", new { activateNow = true }, admin);
        var fresh = await Api.RegisterAsync(UniqueName());

        Assert.That(rotated.String("state"), Is.EqualTo("signing"));
        Assert.That(Kid(fresh), Is.EqualTo(rotated.String("kid")));
        Assert.That((await Api.GetAsync("/user/me", old)).Status, Is.EqualTo(200), "nobody is signed out");
        Assert.That((await Api.GetAsync("/user/me", fresh)).Status, Is.EqualTo(200));
        Assert.That(await PublishedKids(), Does.Contain(Kid(old)), "published while its tokens may be live");
        Assert.That(await States(), Does.Contain((Kid(old), "verifying")));
    }

    [Test]
    public async Task A_revoked_keys_tokens_are_refused_at_once_and_sign_in_goes_on_with_a_fresh_key()
    {
        // A key of this test's own, so the admin's token is not among those refused.
        await Api.PostAsync("/signing-keys/rotate", new { activateNow = true }, admin);
        var name = UniqueName();
        await Api.RegisterAsync(name);
        var login = await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" });
        var token = login.String("Authorization");
        Assert.That((await Api.GetAsync("/user/me", token)).Status, Is.EqualTo(200), "remembered before the revocation");

        var revoked = await Api.SendAsync(HttpMethod.Delete, $"/signing-keys/{Kid(token)}", token: admin);

        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);
        Assert.That(revoked.String("state"), Is.EqualTo("revoked"));
        var refused = await Api.GetAsync("/user/me", token);
        Assert.That(refused.Status, Is.EqualTo(401));
        Assert.That(refused.String("message"), Is.EqualTo("Invalid token. Please log in again."));
        Assert.That(await PublishedKids(), Does.Not.Contain(Kid(token)));

        var again = await Api.LoginAsync($"{name}@example.com", "password-123");
        Assert.That(Kid(again), Is.Not.EqualTo(Kid(token)));
        Assert.That(await PublishedKids(), Does.Contain(Kid(again)));
        var renewed = await Api.PostAsync("/access-token", new { refreshToken = login.String("refreshToken") });
        Assert.That(renewed.Status, Is.EqualTo(200), "the session renews under the new key: " + renewed.Text);
        Assert.That((await Api.GetAsync("/user/me", renewed.String("accessToken"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Keys_are_an_admins_to_manage()
    {
        var member = await Api.RegisterAsync(UniqueName());
        var kid = Kid(member);

        Assert.That((await Api.GetAsync("/signing-keys", member)).Status, Is.EqualTo(403));
        Assert.That((await Api.PostAsync("/signing-keys/rotate", new { activateNow = true }, member)).Status, Is.EqualTo(403));
        Assert.That((await Api.SendAsync(HttpMethod.Delete, $"/signing-keys/{kid}", token: member)).Status, Is.EqualTo(403));
        Assert.That((await Api.GetAsync("/signing-keys")).Status, Is.EqualTo(401));
        Assert.That((await Api.GetAsync("/user/me", member)).Status, Is.EqualTo(200), "the key was not touched");
    }

    [Test]
    public async Task An_unknown_kid_is_404_and_the_list_shows_no_private_key()
    {
        var missing = await Api.SendAsync(HttpMethod.Delete, "/signing-keys/no-such-kid", token: admin);
        var list = await Api.GetAsync("/signing-keys", admin);

        Assert.That(missing.Status, Is.EqualTo(404));
        Assert.That(missing.String("message"), Is.EqualTo("No signing key has that kid."));
        Assert.That(list.Status, Is.EqualTo(200));
        Assert.That(list.Text, Does.Not.Contain("sealed").IgnoreCase.And.Not.Contain("private").IgnoreCase);
    }

    [Test]
    public async Task A_rotation_that_is_not_understood_is_a_400_and_makes_no_key()
    {
        var before = (await States()).Count;

        var rotated = await Api.SendAsync(HttpMethod.Post, "/signing-keys/rotate", new StringContent("""{"activateNow":"soon"}""", System.Text.Encoding.UTF8, "application/json"), admin);

        Assert.That(rotated.Status, Is.EqualTo(400), rotated.Text);
        Assert.That(rotated.ResponseStatus["message"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That((await States()).Count, Is.EqualTo(before));
    }

    private static string Kid(string token) => new JsonWebToken(token).Kid;

    private async Task<List<string>> PublishedKids() =>
        (await Api.GetAsync("/.well-known/jwks.json")).Body["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToList();

    private async Task<List<(string Kid, string State)>> States() =>
        (await Api.GetAsync("/signing-keys", admin)).Body["results"]!.AsArray()
            .Select(k => (k!["kid"]!.GetValue<string>(), k["state"]!.GetValue<string>())).ToList();
}
