using System.Diagnostics;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.Users;

/// <summary>
/// Two hosts on one PostgreSQL database, each answering GET /user/{public_id} from its own cache:
/// a change made on one is shown by the other within a second, the user having been read there
/// just before.
/// </summary>
public class ShownUserPropagationTests() : TwoHostFixture("shown_admin")
{
    [Test]
    public async Task A_lock_on_one_host_is_shown_by_the_other()
    {
        var id = PublicId(await A.RegisterAsync("shown_lock"));
        Assert.That((await ShownByBAsync(id)).Body["locked"], Is.Null);

        await A.PostAsync($"/user/{id}/lock", token: AdminToken);

        await ShownBySecondHostAsync(id, r => r.Body["locked"]?.GetValue<bool>() == true);
    }

    [Test]
    public async Task A_grant_of_admin_on_one_host_is_shown_by_the_other()
    {
        var id = PublicId(await A.RegisterAsync("shown_admin_grant"));
        Assert.That((await ShownByBAsync(id)).Body["admin"]!.GetValue<bool>(), Is.False);

        await A.SendAsync(HttpMethod.Put, $"/user/{id}/admin", Api.Json(new { admin = true }), AdminToken);

        await ShownBySecondHostAsync(id, r => r.Body["admin"]!.GetValue<bool>());
    }

    [Test]
    public async Task A_deletion_on_one_host_is_shown_by_the_other()
    {
        var id = PublicId(await A.RegisterAsync("shown_delete"));
        Assert.That((await ShownByBAsync(id)).Status, Is.EqualTo(200));

        await A.SendAsync(HttpMethod.Delete, $"/user/{id}", token: AdminToken);

        await ShownBySecondHostAsync(id, r => r.Status == 404);
    }

    [Test]
    public async Task A_second_factor_reset_on_one_host_is_shown_by_the_other()
    {
        var token = await A.RegisterAsync("shown_mfa");
        var secret = (await A.PostAsync("/user/me/mfa/totp", new { password = "password-123" }, token)).String("secret");
        await A.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.Code(secret, offset: -1) }, token);
        Assert.That((await ShownByBAsync(PublicId(token))).Body["mfa_enabled"]!.GetValue<bool>(), Is.True);

        await A.SendAsync(HttpMethod.Delete, $"/user/{PublicId(token)}/mfa", token: AdminToken);

        await ShownBySecondHostAsync(PublicId(token), r => !r.Body["mfa_enabled"]!.GetValue<bool>());
    }

    [Test]
    public async Task An_email_change_confirmed_on_one_host_is_shown_by_the_other()
    {
        var token = await A.RegisterAsync("shown_move");
        Assert.That((await ShownByBAsync(PublicId(token))).Body["email"]!.GetValue<string>(), Is.EqualTo("shown_move@example.com"));
        var requested = await A.SendAsync(HttpMethod.Put, "/user/me/email", Api.Json(new { new_email = "shown_moved@example.com", password = "password-123" }), token);
        Assert.That(requested.Status, Is.EqualTo(202), requested.Text);

        var link = await PickupMail.TokenForAsync("shown_moved@example.com", First.MailFolder, Second.MailFolder);
        Assert.That((await A.PostAsync("/auth/confirm-email-change", new { token = link })).Status, Is.EqualTo(200));

        await ShownBySecondHostAsync(PublicId(token), r => r.Body["email"]!.GetValue<string>() == "shown_moved@example.com");
    }

    private Task<ApiResponse> ShownByBAsync(string publicId) => B.GetAsync($"/user/{publicId}", AdminToken);

    private async Task ShownBySecondHostAsync(string publicId, Func<ApiResponse, bool> shows)
    {
        var clock = Stopwatch.StartNew();
        while (!shows(await ShownByBAsync(publicId)))
        {
            Assert.That(clock.Elapsed, Is.LessThan(Guarantee), "the second host still shows the user as before");
            await Task.Delay(10);
        }
        TestContext.Out.WriteLine($"shown by the second host after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    private static string PublicId(string token) => new JsonWebToken(token).Subject;
}
