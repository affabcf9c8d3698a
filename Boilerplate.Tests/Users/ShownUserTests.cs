using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.Users;

/// <summary>
/// GET /user/me and GET /user/{public_id} answer from a short-lived cache; a change made through
/// the API shows at once on the host that made it, even when the user was read just before.
/// </summary>
[OnEachDatabase]
public class ShownUserTests(DatabaseKind kind) : ApiFixture(kind)
{
    private string adminToken = null!;

    [OneTimeSetUp]
    public async Task CreateAdmin() => adminToken = await Factory.CreateAdminAsync(UniqueName("shownadmin"));

    [Test]
    public async Task Locking_and_unlocking_show_at_once()
    {
        var id = PublicId(await Api.RegisterAsync(UniqueName()));
        Assert.That((await ShownAsync(id)).Body["locked"], Is.Null);

        await Api.PostAsync($"/user/{id}/lock", token: adminToken);
        Assert.That((await ShownAsync(id)).Body["locked"]!.GetValue<bool>(), Is.True);
        await Api.PostAsync($"/user/{id}/unlock", token: adminToken);
        Assert.That((await ShownAsync(id)).Body["locked"], Is.Null);
    }

    [Test]
    public async Task Granting_and_revoking_admin_show_at_once()
    {
        var id = PublicId(await Api.RegisterAsync(UniqueName()));
        Assert.That((await ShownAsync(id)).Body["admin"]!.GetValue<bool>(), Is.False);

        await Api.SendAsync(HttpMethod.Put, $"/user/{id}/admin", Api.Json(new { admin = true }), adminToken);
        Assert.That((await ShownAsync(id)).Body["admin"]!.GetValue<bool>(), Is.True);
        await Api.SendAsync(HttpMethod.Put, $"/user/{id}/admin", Api.Json(new { admin = false }), adminToken);
        Assert.That((await ShownAsync(id)).Body["admin"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task A_deleted_user_is_not_found_at_once()
    {
        var id = PublicId(await Api.RegisterAsync(UniqueName()));
        Assert.That((await ShownAsync(id)).Status, Is.EqualTo(200));

        await Api.SendAsync(HttpMethod.Delete, $"/user/{id}", token: adminToken);

        Assert.That((await ShownAsync(id)).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Turning_two_factor_on_and_an_admin_resetting_it_show_at_once()
    {
        var token = await Api.RegisterAsync(UniqueName());
        Assert.That((await Api.GetAsync("/user/me", token)).Body["mfa_enabled"]!.GetValue<bool>(), Is.False);
        var secret = (await Api.PostAsync("/user/me/mfa/totp", new { password = "password-123" }, token)).String("secret");

        var confirmed = await Api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.Code(secret, offset: -1) }, token);
        Assert.That(confirmed.Status, Is.EqualTo(200), confirmed.Text);
        Assert.That((await Api.GetAsync("/user/me", token)).Body["mfa_enabled"]!.GetValue<bool>(), Is.True);
        await Api.SendAsync(HttpMethod.Delete, $"/user/{PublicId(token)}/mfa", token: adminToken);
        Assert.That((await ShownAsync(PublicId(token))).Body["mfa_enabled"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task A_confirmed_email_change_shows_at_once()
    {
        var name = UniqueName("mover");
        var token = await Api.RegisterAsync(name);
        Assert.That((await Api.GetAsync("/user/me", token)).String("email"), Is.EqualTo($"{name}@example.com"));
        await Api.SendAsync(HttpMethod.Put, "/user/me/email", Api.Json(new { new_email = $"{name}-moved@example.com", password = "password-123" }), token);

        var confirmed = await Api.PostAsync("/auth/confirm-email-change", new { token = await PickupMail.TokenForAsync($"{name}-moved@example.com", Factory.MailFolder) });

        Assert.That(confirmed.Status, Is.EqualTo(200), confirmed.Text);
        Assert.That((await Api.GetAsync("/user/me", token)).String("email"), Is.EqualTo($"{name}-moved@example.com"));
    }

    private Task<ApiResponse> ShownAsync(string publicId) => Api.GetAsync($"/user/{publicId}", adminToken);

    private static string PublicId(string token) => new JsonWebToken(token).Subject;
}
