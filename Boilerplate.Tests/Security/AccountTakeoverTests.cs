using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Security;

/// <summary>
/// Ways into an account that went around its defences, each closed and tried from outside on
/// production's settings: a reset by mail that skipped the second factor, pending changes that
/// outlived a new password or address, a passkey added on a stolen session or signed in with
/// without its user verified.
/// </summary>
[NonParallelizable]
public class AccountTakeoverTests
{
    private const string Password = "password-123";

    [Test]
    public async Task A_reset_of_an_account_with_a_second_factor_signs_no_one_in_until_a_code_is_given()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("resetmfa");
        var secret = await TurnOnTwoFactorAsync(host.Api, token);

        var reset = await ResetPasswordAsync(host, "resetmfa@example.com", "a-new-password-456");

        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
        Assert.That(reset.String("status"), Is.EqualTo("mfa_required"));
        Assert.That(reset.Body["Authorization"], Is.Null, "the mailbox alone opens no account");
        Assert.That(reset.Body["refreshToken"], Is.Null);
        Assert.That(reset.Message.Headers.Contains("Set-Cookie"), Is.False);
        var signedIn = await host.Api.PostAsync("/auth/login/mfa", new { mfa_token = reset.String("mfa_token"), code = Rfc6238.Code(secret, offset: 1) });
        Assert.That(signedIn.String("Authorization"), Does.StartWith("eyJ"), signedIn.Text);
    }

    [Test]
    public async Task A_reset_of_an_account_without_a_second_factor_signs_in_as_before()
    {
        using var host = new ProductionHost();
        await host.RegisterAsync("resetplain");

        var reset = await ResetPasswordAsync(host, "resetplain@example.com", "a-new-password-456");

        Assert.That(reset.String("Authorization"), Does.StartWith("eyJ"), reset.Text);
    }

    [Test]
    public async Task A_password_reset_cancels_a_pending_email_change()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("pendingreset");
        var confirmLink = await RequestEmailChangeAsync(host, token, "pendingreset-new@example.com");

        await ResetPasswordAsync(host, "pendingreset@example.com", "a-new-password-456");
        var confirmed = await host.Api.PostAsync("/auth/confirm-email-change", new { token = confirmLink });

        Assert.That((confirmed.Status, confirmed.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidToken")));
        Assert.That((await host.Api.PostAsync("/auth/login", new { email = "pendingreset@example.com", password = "a-new-password-456" })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_password_change_cancels_a_pending_email_change()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("pendingchange");
        var confirmLink = await RequestEmailChangeAsync(host, token, "pendingchange-new@example.com");

        var changed = await host.Api.PutAsync("/user/me/password", new { current_password = Password, new_password = "a-new-password-456" }, token);
        var confirmed = await host.Api.PostAsync("/auth/confirm-email-change", new { token = confirmLink });

        Assert.That(changed.Status, Is.EqualTo(200), changed.Text);
        Assert.That((confirmed.Status, confirmed.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidToken")));
    }

    [Test]
    public async Task Moving_to_a_new_address_voids_the_reset_link_sent_to_the_old_one()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("mover");
        await host.Api.PostAsync("/auth/forgot-password", new { email = "mover@example.com" });
        var resetLink = SmtpServer.TokenOf((await host.MailAsync("mover@example.com", "password")).Single());

        var confirmLink = await RequestEmailChangeAsync(host, token, "mover-new@example.com");
        Assert.That((await host.Api.PostAsync("/auth/confirm-email-change", new { token = confirmLink })).Status, Is.EqualTo(200));
        var reset = await host.Api.PostAsync("/auth/reset-password", new { token = resetLink, new_password = "a-new-password-456" });

        Assert.That((reset.Status, reset.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidToken")));
    }

    [Test]
    public async Task Adding_a_passkey_on_a_session_not_fresh_from_a_password_sign_in_takes_the_password_and_sends_a_notice()
    {
        using var host = new ProductionHost();
        var registered = await host.Api.PostAsync("/user", new { email = "keyadder@example.com", username = "keyadder", password = Password });
        // A renewed token: what a stolen session's holder would have.
        var renewed = (await host.Api.PostAsync("/access-token", new { refreshToken = registered.String("refreshToken") })).String("accessToken");

        var bare = await host.Api.PostAsync("/user/me/passkeys/options", new { }, renewed);
        var wrong = await host.Api.PostAsync("/user/me/passkeys/options", new { password = "not-the-password" }, renewed);
        var confirmed = await host.Api.PostAsync("/user/me/passkeys/options", new { password = Password }, renewed);
        var authenticator = new SoftwareAuthenticator(ProductionHost.PublicUrl);
        var added = await host.Api.PostAsync("/user/me/passkeys",
            new { ceremony_id = confirmed.String("ceremony_id"), credential = authenticator.Create(confirmed.String("options")) }, renewed);

        Assert.That((bare.Status, bare.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidPassword")));
        Assert.That(wrong.Status, Is.EqualTo(400));
        Assert.That(added.Status, Is.EqualTo(200), added.Text);
        Assert.That((await host.MailAsync("keyadder@example.com", "a passkey was added")), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task With_a_second_factor_adding_a_passkey_takes_a_code_too_and_a_fresh_password_sign_in_takes_neither()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("keyadder2");
        var secret = await TurnOnTwoFactorAsync(host.Api, token);
        var mfa = (await host.Api.PostAsync("/auth/login", new { email = "keyadder2@example.com", password = Password })).String("mfa_token");
        var session = await host.Api.PostAsync("/auth/login/mfa", new { mfa_token = mfa, code = Rfc6238.Code(secret, offset: 1) });
        var renewed = (await host.Api.PostAsync("/access-token", new { refreshToken = session.String("refreshToken") })).String("accessToken");

        var passwordOnly = await host.Api.PostAsync("/user/me/passkeys/options", new { password = Password }, renewed);
        var fresh = await host.Api.PostAsync("/user/me/passkeys/options", new { }, session.String("Authorization"));

        Assert.That((passwordOnly.Status, passwordOnly.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidCode")));
        Assert.That(fresh.Status, Is.EqualTo(200), "a sign-in with the password and the code a moment ago: " + fresh.Text);
    }

    [Test]
    public async Task A_passkey_whose_authenticator_did_not_verify_its_user_signs_no_one_in()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("presence");
        var authenticator = new SoftwareAuthenticator(ProductionHost.PublicUrl);
        var options = await host.Api.PostAsync("/user/me/passkeys/options", new { }, token);
        var added = await host.Api.PostAsync("/user/me/passkeys", new { ceremony_id = options.String("ceremony_id"), credential = authenticator.Create(options.String("options")) }, token);
        Assert.That(added.Status, Is.EqualTo(200), added.Text);

        authenticator.VerifiesUser = false;
        var signInOptions = await host.Api.PostAsync("/auth/passkey/options");
        var signedIn = await host.Api.PostAsync("/auth/passkey", new { ceremony_id = signInOptions.String("ceremony_id"), credential = authenticator.Get(signInOptions.String("options")) });

        Assert.That(JsonNode.Parse(signInOptions.String("options"))!["userVerification"]!.GetValue<string>(), Is.EqualTo("required"));
        Assert.That(signedIn.Status, Is.EqualTo(401), signedIn.Text);
        Assert.That(signedIn.Text, Does.Not.Contain("eyJ"));
    }

    [Test]
    public async Task Every_change_to_how_the_account_signs_in_mails_its_owner_a_notice()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var host = new ProductionHost(clock: clock);
        var token = await host.RegisterAsync("noticed");
        var secret = (await host.Api.PostAsync("/user/me/mfa/totp", new { password = Password }, token)).String("secret");
        // Each code from a later step than the last, as a person would type them minutes apart.
        string NextCode()
        {
            clock.Now += TimeSpan.FromSeconds(Rfc6238.StepSeconds);
            return Rfc6238.CodeAtStep(secret, Rfc6238.StepAt(clock.Now));
        }

        var answers = new[]
        {
            await host.Api.PostAsync("/user/me/mfa/totp/confirm", new { code = NextCode() }, token),
            await host.Api.PostAsync("/user/me/mfa/recovery-codes", new { password = Password, code = NextCode() }, token),
            await host.Api.SendAsync(HttpMethod.Delete, "/user/me/mfa/totp", Api.Json(new { password = Password, code = NextCode() }), token),
            await host.Api.PutAsync("/user/me/password", new { current_password = Password, new_password = "a-new-password-456" }, token),
        };

        Assert.That(answers.Select(a => a.Status), Has.All.InRange(200, 204), string.Join("\n", answers.Select(a => a.Text)));
        foreach (var subject in new[] { "two-factor sign-in is on", "new recovery codes", "two-factor sign-in is off", "your password was changed" })
            Assert.That(await host.MailAsync("noticed@example.com", subject), Has.Count.EqualTo(1), subject);
    }

    /// <summary>Turns two-factor sign-in on, with the previous step's code; answers the secret.</summary>
    private static async Task<string> TurnOnTwoFactorAsync(Api api, string token)
    {
        var secret = (await api.PostAsync("/user/me/mfa/totp", new { password = Password }, token)).String("secret");
        var confirmed = await api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.Code(secret, offset: -1) }, token);
        Assert.That(confirmed.Status, Is.EqualTo(200), confirmed.Text);
        return secret;
    }

    private static async Task<ApiResponse> ResetPasswordAsync(ProductionHost host, string email, string newPassword)
    {
        await host.Api.PostAsync("/auth/forgot-password", new { email });
        var mail = (await host.MailAsync(email, "password")).Single();
        return await host.Api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(mail), new_password = newPassword });
    }

    /// <summary>Asks to move the account; answers the token of the confirmation link mailed to the new address.</summary>
    private static async Task<string> RequestEmailChangeAsync(ProductionHost host, string token, string newEmail)
    {
        var asked = await host.Api.PutAsync("/user/me/email", new { new_email = newEmail, password = Password }, token);
        Assert.That(asked.Status, Is.EqualTo(202), asked.Text);
        return SmtpServer.TokenOf((await host.MailAsync(newEmail)).Single());
    }
}
