using System.Diagnostics;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.Users;

/// <summary>
/// Two hosts on one PostgreSQL database, each answering GET /user/{public_id} from its own cache:
/// a change made on one is shown by the other within a second, the user having been read there
/// just before.
/// </summary>
public class ShownUserPropagationTests
{
    private static readonly TimeSpan Guarantee = TimeSpan.FromSeconds(1);

    private TestDatabase database = null!;
    private ApiFactory first = null!, second = null!;
    private Api a = null!, b = null!;
    private string adminToken = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        database = TestDatabase.Create(DatabaseKind.PostgreSql);
        first = new ApiFactory(database: database);
        second = new ApiFactory(database: database);
        (a, b) = (first.CreateApi(), second.CreateApi());
        adminToken = await first.CreateAdminAsync("shown_admin");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        first?.Dispose();
        second?.Dispose();
        database?.Dispose();
    }

    [Test]
    public async Task A_lock_on_one_host_is_shown_by_the_other()
    {
        var id = PublicId(await a.RegisterAsync("shown_lock"));
        Assert.That((await ShownByBAsync(id)).Body["locked"], Is.Null);

        await a.PostAsync($"/user/{id}/lock", token: adminToken);

        await ShownBySecondHostAsync(id, r => r.Body["locked"]?.GetValue<bool>() == true);
    }

    [Test]
    public async Task A_grant_of_admin_on_one_host_is_shown_by_the_other()
    {
        var id = PublicId(await a.RegisterAsync("shown_admin_grant"));
        Assert.That((await ShownByBAsync(id)).Body["admin"]!.GetValue<bool>(), Is.False);

        await a.SendAsync(HttpMethod.Put, $"/user/{id}/admin", Api.Json(new { admin = true }), adminToken);

        await ShownBySecondHostAsync(id, r => r.Body["admin"]!.GetValue<bool>());
    }

    [Test]
    public async Task A_deletion_on_one_host_is_shown_by_the_other()
    {
        var id = PublicId(await a.RegisterAsync("shown_delete"));
        Assert.That((await ShownByBAsync(id)).Status, Is.EqualTo(200));

        await a.SendAsync(HttpMethod.Delete, $"/user/{id}", token: adminToken);

        await ShownBySecondHostAsync(id, r => r.Status == 404);
    }

    [Test]
    public async Task A_second_factor_reset_on_one_host_is_shown_by_the_other()
    {
        var token = await a.RegisterAsync("shown_mfa");
        var secret = (await a.PostAsync("/user/me/mfa/totp", new { password = "password-123" }, token)).String("secret");
        await a.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.Code(secret, offset: -1) }, token);
        Assert.That((await ShownByBAsync(PublicId(token))).Body["mfa_enabled"]!.GetValue<bool>(), Is.True);

        await a.SendAsync(HttpMethod.Delete, $"/user/{PublicId(token)}/mfa", token: adminToken);

        await ShownBySecondHostAsync(PublicId(token), r => !r.Body["mfa_enabled"]!.GetValue<bool>());
    }

    [Test]
    public async Task An_email_change_confirmed_on_one_host_is_shown_by_the_other()
    {
        var token = await a.RegisterAsync("shown_move");
        Assert.That((await ShownByBAsync(PublicId(token))).Body["email"]!.GetValue<string>(), Is.EqualTo("shown_move@example.com"));
        var requested = await a.SendAsync(HttpMethod.Put, "/user/me/email", Api.Json(new { new_email = "shown_moved@example.com", password = "password-123" }), token);
        Assert.That(requested.Status, Is.EqualTo(202), requested.Text);

        var link = await PickupMail.TokenForAsync("shown_moved@example.com", first.MailFolder, second.MailFolder);
        Assert.That((await a.PostAsync("/auth/confirm-email-change", new { token = link })).Status, Is.EqualTo(200));

        await ShownBySecondHostAsync(PublicId(token), r => r.Body["email"]!.GetValue<string>() == "shown_moved@example.com");
    }

    private Task<ApiResponse> ShownByBAsync(string publicId) => b.GetAsync($"/user/{publicId}", adminToken);

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
