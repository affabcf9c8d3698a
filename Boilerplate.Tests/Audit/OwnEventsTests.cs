using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Audit;

/// <summary>
/// What users do to and with their own accounts is stored too, each row in the transaction of the
/// change it records: "when did this account last sign in, and from where; who guessed at it".
/// </summary>
[OnEachDatabase]
public class OwnEventsTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const string Password = "password-123";
    private string admin = null!;

    [OneTimeSetUp]
    public async Task CreateAdmin() => admin = await Factory.CreateAdminAsync(UniqueName("own_audit_admin"));

    [Test]
    public async Task A_session_is_on_record_from_sign_in_through_renewals_to_logout()
    {
        var (name, id, _) = await RegisterAsync();
        var signedIn = await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = Password });
        var renewed = await Api.PostAsync("/access-token", new { refreshToken = signedIn.String("refreshToken") });
        await Api.PostAsync("/auth/logout", token: renewed.String("accessToken"));

        var events = await TrailAsync(id);

        var session = TokenSession(signedIn.String("Authorization"));
        Assert.That(events.Take(3).Select(e => (e.Event, e.Actor, e.Details)), Is.EqualTo(new[]
        {
            ("session.logged-out", id, $"session={session}"),
            ("session.renewed", id, $"session={session}"),
            ("sign-in.succeeded", id, $"session={session} methods=pwd"),
        }));
    }

    [Test]
    public async Task Wrong_guesses_and_the_lockout_they_end_in_are_on_record_and_a_strangers_guess_too()
    {
        var (name, id, _) = await RegisterAsync();
        for (var i = 0; i < 5; i++)
            await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "wrong-password" });
        var nobody = UniqueName("nobody");
        await Api.PostAsync("/auth/login", new { email = $"{nobody}@example.com", password = "wrong-password" });

        var events = await TrailAsync(id);

        Assert.That(events.Count(e => e.Event == "sign-in.failed" && e.Details == "reason=wrong password"), Is.EqualTo(5));
        Assert.That(events.Where(e => e.Event == "sign-in.failed").Select(e => e.Actor), Has.All.Null, "a guess proves no one");
        Assert.That(events.Take(2).Select(e => e.Event), Is.EqualTo(new[] { "sign-in.failed", "sign-in.locked-out" }),
            "the fifth wrong guess locked the account out, then was refused");
        var strangers = (await Api.GetAsync("/audit?event=sign-in.failed&per_page=1000", admin)).Body["results"]!.AsArray();
        Assert.That(strangers.Where(e => e!["user"] is null && e["details"]!.GetValue<string>() == "reason=unknown account"), Is.Not.Empty);
    }

    [Test]
    public async Task Changes_to_how_the_account_is_got_into_are_on_record_and_a_refused_one_is_not()
    {
        var (_, id, token) = await RegisterAsync();

        var refused = await Api.PutAsync("/user/me/password", new { current_password = "not-it", new_password = "a-new-password-456" }, token);
        Assert.That(refused.Status, Is.EqualTo(400));
        Assert.That((await TrailAsync(id)).Select(e => e.Event), Does.Not.Contain("password.changed"));

        var changed = await Api.PutAsync("/user/me/password", new { current_password = Password, new_password = "a-new-password-456" }, token);
        Assert.That(changed.Status, Is.EqualTo(200), changed.Text);
        await Api.PostAsync("/user/me/mfa/totp", new { password = "a-new-password-456" }, changed.String("Authorization"));

        var events = await TrailAsync(id);
        Assert.That(events.Select(e => e.Event), Is.SupersetOf(new[] { "confirmation.failed", "password.changed", "sign-in.succeeded" }));
        var change = events.First(e => e.Event == "password.changed");
        Assert.That(change.Actor, Is.EqualTo(id));
        Assert.That(events.Count(e => e.Event == "confirmation.failed"), Is.EqualTo(1));
    }

    [Test]
    public async Task Turning_two_factor_on_and_off_and_new_recovery_codes_are_on_record()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var factory = new ApiFactory(clock: clock, kind: Kind);
        var api = factory.CreateApi();
        var adminToken = await factory.CreateAdminAsync("mfa_audit_admin");
        var token = await api.RegisterAsync("mfa_audited", Password);
        var id = (await api.GetAsync("/user/me", token)).String("public_id");
        var secret = (await api.PostAsync("/user/me/mfa/totp", new { password = Password }, token)).String("secret");
        string NextCode()
        {
            clock.Now += TimeSpan.FromSeconds(Rfc6238.StepSeconds);
            return Rfc6238.CodeAtStep(secret, Rfc6238.StepAt(clock.Now));
        }

        Assert.That((await api.PostAsync("/user/me/mfa/totp/confirm", new { code = NextCode() }, token)).Status, Is.EqualTo(200));
        Assert.That((await api.PostAsync("/user/me/mfa/recovery-codes", new { password = Password, code = NextCode() }, token)).Status, Is.EqualTo(200));
        Assert.That((await api.SendAsync(HttpMethod.Delete, "/user/me/mfa/totp", Api.Json(new { password = Password, code = NextCode() }), token)).Status, Is.EqualTo(204));

        var events = (await api.GetAsync($"/audit?user={id}", adminToken)).Body["results"]!.AsArray().Select(e => e!["event"]!.GetValue<string>());
        Assert.That(events.Take(3), Is.EqualTo(new[] { "mfa.disabled", "mfa.recovery-codes-renewed", "mfa.enabled" }));
    }

    [Test]
    public async Task Asking_for_a_new_address_and_confirming_it_are_on_record()
    {
        var (name, id, token) = await RegisterAsync();
        var moved = $"{name}-moved@example.com";

        Assert.That((await Api.PutAsync("/user/me/email", new { new_email = moved, password = Password }, token)).Status, Is.EqualTo(202));
        var link = await PickupMail.TokenForAsync(moved, Factory.MailFolder);
        Assert.That((await Api.PostAsync("/auth/confirm-email-change", new { token = link })).Status, Is.EqualTo(200));

        var events = await TrailAsync(id);
        Assert.That(events.Take(2).Select(e => (e.Event, e.Actor)), Is.EqualTo(new[] { ("email.changed", (string?)null), ("email.change-requested", id) }),
            "the link is followed with no session: nobody is signed in to act");
    }

    private async Task<(string Name, string PublicId, string Token)> RegisterAsync()
    {
        var name = UniqueName("own");
        var token = await Api.RegisterAsync(name, Password);
        return (name, (await Api.GetAsync("/user/me", token)).String("public_id"), token);
    }

    /// <summary>The user's stored events, newest first.</summary>
    private async Task<List<(string Event, string? Actor, string? Details)>> TrailAsync(string publicId)
    {
        var trail = await Api.GetAsync($"/audit?user={publicId}&per_page=1000", admin);
        Assert.That(trail.Status, Is.EqualTo(200), trail.Text);
        return trail.Body["results"]!.AsArray()
            .Select(e => (e!["event"]!.GetValue<string>(), e["actor"]?.GetValue<string>(), e["details"]?.GetValue<string>()))
            .ToList();
    }

    private static string TokenSession(string token) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).GetClaim("sid").Value;
}
