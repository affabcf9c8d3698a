using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.TwoFactor;

/// <summary>
/// A second factor: an authenticator app (TOTP, RFC 6238) and recovery codes. Codes are computed
/// here from the secret with the tests' own RFC 6238, not the server's.
/// </summary>
[OnEachDatabase]
public class TwoFactorTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const string Password = "password-123";

    /// <summary>A user with the factor on, the secret, the recovery codes and a token of the session that turned it on.</summary>
    private sealed record Enrolled(string Name, string Email, string Secret, string[] RecoveryCodes, string Token, long Step);

    /// <summary>
    /// Registers and turns the factor on with the previous step's code, leaving this step's and
    /// the next one's for the test. Starts clear of a step's end, so "now" stays one step throughout.
    /// </summary>
    private async Task<Enrolled> EnrolAsync(string prefix)
    {
        await ClearOfStepEndAsync();
        var name = UniqueName(prefix);
        var token = await Api.RegisterAsync(name);
        var enrolment = await Api.PostAsync("/user/me/mfa/totp", new { password = Password }, token);
        Assert.That(enrolment.Status, Is.EqualTo(200), enrolment.Text);
        var secret = enrolment.String("secret");
        var step = Rfc6238.StepAt(DateTimeOffset.UtcNow);
        var confirmed = await Api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.CodeAtStep(secret, step - 1) }, token);
        Assert.That(confirmed.Status, Is.EqualTo(200), confirmed.Text);
        var codes = confirmed.Body["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        return new Enrolled(name, $"{name}@example.com", secret, codes, token, step);
    }

    private static async Task ClearOfStepEndAsync()
    {
        var intoStep = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % (Rfc6238.StepSeconds * 1000);
        if (intoStep > (Rfc6238.StepSeconds - 6) * 1000)
            await Task.Delay(TimeSpan.FromMilliseconds(Rfc6238.StepSeconds * 1000 - intoStep + 100));
    }

    private async Task<string> MfaTokenAsync(string email)
    {
        var login = await Api.PostAsync("/auth/login", new { email, password = Password });
        Assert.That(login.Status, Is.EqualTo(200), login.Text);
        Assert.That(login.String("status"), Is.EqualTo("mfa_required"));
        return login.String("mfa_token");
    }

    private Task<ApiResponse> SecondStepAsync(string mfaToken, string? code = null, string? recoveryCode = null) =>
        Api.PostAsync("/auth/login/mfa", recoveryCode is null ? new { mfa_token = mfaToken, code } : new { mfa_token = mfaToken, recovery_code = recoveryCode });

    private async Task<JsonNode> MeAsync(string token) => (await Api.GetAsync("/user/me", token)).Body;

    [Test]
    public async Task Enrolment_answers_a_base32_secret_and_an_otpauth_uri_and_changes_nothing_until_confirmed()
    {
        var name = UniqueName("pending");
        var token = await Api.RegisterAsync(name);

        var wrongPassword = await Api.PostAsync("/user/me/mfa/totp", new { password = "not-my-password" }, token);
        var enrolment = await Api.PostAsync("/user/me/mfa/totp", new { password = Password }, token);

        Assert.That((wrongPassword.Status, wrongPassword.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidPassword")));
        var secret = enrolment.String("secret");
        Assert.That(Rfc6238.Base32Decode(secret), Has.Length.GreaterThanOrEqualTo(20), "at least 160 bits");
        Assert.That(enrolment.String("otpauth_uri"), Does.StartWith($"otpauth://totp/SsBoilerplate:{name}%40example.com?secret={secret}&issuer=SsBoilerplate"));
        Assert.That((await MeAsync(token))["mfa_enabled"]!.GetValue<bool>(), Is.False);
        var login = await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = Password });
        Assert.That(login.Body["Authorization"], Is.Not.Null, "no second step until a code confirms the app");
    }

    [Test]
    public async Task Enrolment_draws_the_otpauth_uri_as_a_png_qr_code_for_an_img_element()
    {
        var token = await Api.RegisterAsync(UniqueName("qr"));

        var enrolment = await Api.PostAsync("/user/me/mfa/totp", new { password = Password }, token);

        const string prefix = "data:image/png;base64,";
        var qr = enrolment.String("qr_code");
        Assert.That(qr, Does.StartWith(prefix));
        var png = Convert.FromBase64String(qr[prefix.Length..]);
        Assert.That(png[..8], Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));
        // IHDR's width: a version-5 code or larger at six pixels a module, with its quiet zone.
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        Assert.That(width, Is.InRange(200, 1000));
    }

    [Test]
    public async Task Confirming_turns_the_factor_on_answers_ten_recovery_codes_once_and_ends_every_other_session()
    {
        await ClearOfStepEndAsync();
        var name = UniqueName("confirm");
        var token = await Api.RegisterAsync(name);
        var elsewhere = await Api.LoginAsync($"{name}@example.com", Password);
        var secret = (await Api.PostAsync("/user/me/mfa/totp", new { password = Password }, token)).String("secret");

        var wrong = await Api.PostAsync("/user/me/mfa/totp/confirm", new { code = "000000" == Rfc6238.Code(secret) ? "111111" : "000000" }, token);
        var confirmed = await Api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.Code(secret) }, token);

        Assert.That((wrong.Status, wrong.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidCode")));
        Assert.That(confirmed.Status, Is.EqualTo(200), confirmed.Text);
        var codes = confirmed.Body["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.That(codes, Has.Count.EqualTo(10).And.Unique);
        Assert.That(codes, Has.All.Match("^[a-z2-7]{4}(-[a-z2-7]{4}){5}$"), "120 random bits each");
        Assert.That((await MeAsync(token))["mfa_enabled"]!.GetValue<bool>(), Is.True);
        Assert.That((await Api.GetAsync("/user/me", elsewhere)).Status, Is.EqualTo(401), "the other session got in without the factor");
        Assert.That((await Api.PostAsync("/user/me/mfa/totp", new { password = Password }, token)).Status, Is.EqualTo(409), "on already");
    }

    [Test]
    public async Task With_the_factor_on_the_password_answers_an_mfa_token_and_no_tokens_and_the_code_completes_the_sign_in()
    {
        var user = await EnrolAsync("twostep");

        var login = await Api.PostAsync("/auth/login", new { email = user.Email, password = Password });

        Assert.That(login.Status, Is.EqualTo(200));
        Assert.That(login.String("status"), Is.EqualTo("mfa_required"));
        Assert.That(login.String("message"), Is.Not.Empty);
        Assert.That(login.Body.AsObject().Select(p => p.Key), Has.None.EqualTo("Authorization").And.None.EqualTo("refreshToken"));
        var mfaToken = login.String("mfa_token");
        Assert.That((await Api.GetAsync("/user/me", mfaToken)).Status, Is.EqualTo(401), "the mfa_token is no bearer token");

        var completed = await SecondStepAsync(mfaToken, Rfc6238.CodeAtStep(user.Secret, user.Step));
        Assert.That(completed.Status, Is.EqualTo(200), completed.Text);
        Assert.That((await Api.GetAsync("/user/me", completed.String("Authorization"))).Status, Is.EqualTo(200));
        var again = await SecondStepAsync(mfaToken, Rfc6238.CodeAtStep(user.Secret, user.Step + 1));
        Assert.That(again.Status, Is.EqualTo(401), "the mfa_token is single use");

        var refreshed = await Api.PostAsync("/access-token", new { refreshToken = completed.String("refreshToken") });
        Assert.That(refreshed.Status, Is.EqualTo(200), "a session that passed the factor refreshes as any other");
    }

    [Test]
    public async Task A_code_is_accepted_once_and_never_again_nor_one_of_an_earlier_step()
    {
        var user = await EnrolAsync("replay");
        var code = Rfc6238.CodeAtStep(user.Secret, user.Step + 1);

        var first = await SecondStepAsync(await MfaTokenAsync(user.Email), code);
        var replay = await SecondStepAsync(await MfaTokenAsync(user.Email), code);
        var earlier = await SecondStepAsync(await MfaTokenAsync(user.Email), Rfc6238.CodeAtStep(user.Secret, user.Step));

        Assert.That(first.Status, Is.EqualTo(200), first.Text);
        Assert.That((replay.Status, replay.String("message")), Is.EqualTo((401, "The code does not match.")));
        Assert.That(earlier.Status, Is.EqualTo(401), "this step's code, after the next step's was used");
    }

    [Test]
    public async Task One_step_of_clock_skew_is_allowed_either_way_and_no_more()
    {
        var user = await EnrolAsync("skew");

        var twoAhead = await SecondStepAsync(await MfaTokenAsync(user.Email), Rfc6238.CodeAtStep(user.Secret, user.Step + 2));
        var oneAhead = await SecondStepAsync(await MfaTokenAsync(user.Email), Rfc6238.CodeAtStep(user.Secret, user.Step + 1));

        Assert.That(twoAhead.Status, Is.EqualTo(401));
        Assert.That(oneAhead.Status, Is.EqualTo(200), "one step ahead; the enrolment used one step behind");
    }

    [Test]
    public async Task A_recovery_code_signs_in_once_and_renewed_codes_replace_the_old()
    {
        var user = await EnrolAsync("recovery");

        var used = await SecondStepAsync(await MfaTokenAsync(user.Email), recoveryCode: user.RecoveryCodes[0].ToUpperInvariant().Replace("-", " "));
        var reused = await SecondStepAsync(await MfaTokenAsync(user.Email), recoveryCode: user.RecoveryCodes[0]);

        Assert.That(used.Status, Is.EqualTo(200), "as a person may type it: capitals, spaces");
        Assert.That(reused.Status, Is.EqualTo(401));

        var token = used.String("Authorization");
        var renewed = await Api.PostAsync("/user/me/mfa/recovery-codes", new { password = Password, code = Rfc6238.CodeAtStep(user.Secret, user.Step) }, token);
        Assert.That(renewed.Status, Is.EqualTo(200), renewed.Text);
        var old = await SecondStepAsync(await MfaTokenAsync(user.Email), recoveryCode: user.RecoveryCodes[1]);
        Assert.That(old.Status, Is.EqualTo(401), "the old codes died");
        var fresh = await SecondStepAsync(await MfaTokenAsync(user.Email), recoveryCode: renewed.Body["recovery_codes"]![0]!.GetValue<string>());
        Assert.That(fresh.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Guessing_codes_by_signing_in_again_and_again_ends_in_the_lockout()
    {
        var user = await EnrolAsync("guesser");
        var right = Rfc6238.CodeAtStep(user.Secret, user.Step);
        var wrong = right == "123456" ? "654321" : "123456";

        for (var i = 0; i < 3; i++)
            Assert.That((await SecondStepAsync(await MfaTokenAsync(user.Email), wrong)).Status, Is.EqualTo(401));
        // The right password again: it does not clear the count while the second factor is pending.
        var token = await MfaTokenAsync(user.Email);
        for (var i = 0; i < 2; i++)
            Assert.That((await SecondStepAsync(token, wrong)).Status, Is.EqualTo(401));

        var withRightCode = await SecondStepAsync(token, right);
        var withPassword = await Api.PostAsync("/auth/login", new { email = user.Email, password = Password });

        Assert.That((withRightCode.Status, withRightCode.String("message")), Is.EqualTo((401, "Too many failed sign-ins: this account is locked for a while. Please try again later.")));
        Assert.That(withPassword.Status, Is.EqualTo(401));
    }

    [Test]
    public async Task ServiceStacks_authenticate_never_issues_tokens_without_the_factor_and_says_how_to_go_on()
    {
        var user = await EnrolAsync("ssmfa");

        var authenticate = await Api.PostAsync("/auth/credentials", new { userName = user.Email, password = Password });

        Assert.That(authenticate.Status, Is.EqualTo(401));
        Assert.That(authenticate.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("MfaRequired"));
        Assert.That(authenticate.ResponseStatus["message"]!.GetValue<string>(), Does.Contain("/auth/login/mfa"));
        Assert.That(authenticate.Text, Does.Not.Contain("bearerToken"));
        var mfaToken = authenticate.ResponseStatus["meta"]!["mfa_token"]!.GetValue<string>();
        Assert.That((await SecondStepAsync(mfaToken, Rfc6238.CodeAtStep(user.Secret, user.Step))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Removing_the_factor_takes_both_the_password_and_a_code()
    {
        var user = await EnrolAsync("remover");
        var code = Rfc6238.CodeAtStep(user.Secret, user.Step);

        var noCode = await Api.SendAsync(HttpMethod.Delete, "/user/me/mfa/totp", Api.Json(new { password = Password }), user.Token);
        var wrongPassword = await Api.SendAsync(HttpMethod.Delete, "/user/me/mfa/totp", Api.Json(new { password = "not-it-at-all", code }), user.Token);
        var removed = await Api.SendAsync(HttpMethod.Delete, "/user/me/mfa/totp", Api.Json(new { password = Password, code }), user.Token);

        Assert.That(noCode.Status, Is.EqualTo(400));
        Assert.That(noCode.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("code"));
        Assert.That(wrongPassword.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("InvalidPassword"));
        Assert.That(removed.Status, Is.EqualTo(204), removed.Text);
        Assert.That((await MeAsync(user.Token))["mfa_enabled"]!.GetValue<bool>(), Is.False);
        Assert.That((await Api.PostAsync("/auth/login", new { email = user.Email, password = Password })).Body["Authorization"], Is.Not.Null);
    }

    [Test]
    public async Task ServiceStacks_clients_remove_the_factor_with_a_post_to_its_api_route()
    {
        var user = await EnrolAsync("postremover");

        var removed = await Api.PostAsync("/api/DisableTotp", new { password = Password, code = Rfc6238.CodeAtStep(user.Secret, user.Step) }, user.Token);

        Assert.That(removed.Status, Is.EqualTo(204), removed.Text);
        Assert.That((await MeAsync(user.Token))["mfa_enabled"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task An_admin_resets_the_factor_of_a_user_who_lost_their_device_and_no_one_else_may()
    {
        var admin = await Factory.CreateAdminAsync(UniqueName("mfaadmin"));
        var user = await EnrolAsync("lostphone");
        var publicId = new JsonWebToken(user.Token).Subject;

        var byUser = await Api.SendAsync(HttpMethod.Delete, $"/user/{publicId}/mfa", token: user.Token);
        var byAdmin = await Api.SendAsync(HttpMethod.Delete, $"/user/{publicId}/mfa", token: admin);

        Assert.That(byUser.Status, Is.EqualTo(403));
        Assert.That(byAdmin.Status, Is.EqualTo(204), byAdmin.Text);
        Assert.That((await Api.PostAsync("/auth/login", new { email = user.Email, password = Password })).Body["Authorization"], Is.Not.Null);
        Assert.That((await Api.SendAsync(HttpMethod.Delete, $"/user/{Guid.NewGuid()}/mfa", token: admin)).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task The_mfa_token_works_on_another_host_of_the_same_database()
    {
        using var other = new ApiFactory(database: Factory.Database);
        var user = await EnrolAsync("otherhost");

        var completed = await other.CreateApi().PostAsync("/auth/login/mfa", new { mfa_token = await MfaTokenAsync(user.Email), code = Rfc6238.CodeAtStep(user.Secret, user.Step) });

        Assert.That(completed.Status, Is.EqualTo(200), completed.Text);
    }

    [Test]
    public async Task The_mfa_token_lives_five_minutes()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var timed = new ApiFactory(clock: clock, kind: Kind);
        var api = timed.CreateApi();
        var name = UniqueName("expiring");
        var token = await api.RegisterAsync(name);
        var secret = (await api.PostAsync("/user/me/mfa/totp", new { password = Password }, token)).String("secret");
        await api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.CodeAtStep(secret, Rfc6238.StepAt(clock.Now)) }, token);
        var mfaToken = (await api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = Password })).String("mfa_token");

        clock.Now += TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
        var late = await api.PostAsync("/auth/login/mfa", new { mfa_token = mfaToken, code = Rfc6238.CodeAtStep(secret, Rfc6238.StepAt(clock.Now)) });

        Assert.That((late.Status, late.String("message")), Is.EqualTo((401, "This sign-in has expired or is complete. Please sign in again.")));
    }

    [Test]
    public async Task Missing_fields_are_400s_that_name_them()
    {
        var neither = await Api.PostAsync("/auth/login/mfa", new { mfa_token = "x" });
        var both = await Api.PostAsync("/auth/login/mfa", new { mfa_token = "x", code = "123456", recovery_code = "abcd-efgh-ijkl-mnop" });
        var noToken = await Api.PostAsync("/auth/login/mfa", new { code = "123456" });

        Assert.That(neither.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("code"));
        Assert.That(both.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("recovery_code"));
        Assert.That(noToken.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("mfa_token"));
        Assert.That(new[] { neither.Status, both.Status, noToken.Status }, Has.All.EqualTo(400));
    }
}
