using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Security;

/// <summary>
/// Guessing an account's password or code, on production's settings (bcrypt's cost, the lockout of
/// 5 guesses, the rate limits): a burst from many addresses at once has no more guesses looked at
/// than the limit, a right password during the lockout is refused as a wrong one is, and the
/// password and code checks of a signed-in session count toward the same lockout.
/// </summary>
[NonParallelizable]
public class GuessingTests
{
    private const string Password = "password-123";
    private const int Burst = 30;

    [Test]
    public async Task A_burst_of_wrong_passwords_has_at_most_five_looked_at_and_then_the_right_one_is_refused_too()
    {
        using var host = new ProductionHost();
        await host.RegisterAsync("burst");

        var answers = await Concurrently.RunAsync(Burst, i => host.Api.SendAsync(HttpMethod.Post, "/auth/login",
            Api.Json(new { email = "burst@example.com", password = $"wrong-guess-{i}" }), forwardedFor: $"198.51.100.{i}"));
        var right = await host.Api.SendAsync(HttpMethod.Post, "/auth/login", Api.Json(new { email = "burst@example.com", password = Password }), forwardedFor: "198.51.100.200");

        Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(401));
        Assert.That(host.Audited("sign-in failed").Count(l => l.Contains("reason=wrong password", StringComparison.Ordinal)), Is.LessThanOrEqualTo(5), "guesses looked at");
        Assert.That(host.Audited("locked out"), Has.Count.EqualTo(1));
        Assert.That(right.Status, Is.EqualTo(401), "the right password during the lockout");
        Assert.That(right.TextWithoutTraceId, Is.EqualTo(answers[0].TextWithoutTraceId));
    }

    [Test]
    public async Task A_burst_of_wrong_codes_has_at_most_five_looked_at()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("codeburst");
        var secret = (await host.Api.PostAsync("/user/me/mfa/totp", new { password = Password }, token)).String("secret");
        Assert.That((await host.Api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.Code(secret, offset: -1) }, token)).Status, Is.EqualTo(200));
        var mfaToken = (await host.Api.PostAsync("/auth/login", new { email = "codeburst@example.com", password = Password })).String("mfa_token");
        var right = Rfc6238.Code(secret);

        var answers = await Concurrently.RunAsync(Burst, i => host.Api.SendAsync(HttpMethod.Post, "/auth/login/mfa",
            Api.Json(new { mfa_token = mfaToken, code = (i * 7919 % 1_000_000).ToString("D6") is var guess && guess != right ? guess : "000000" }), forwardedFor: $"198.51.100.{i}"));
        var withRightCode = await host.Api.PostAsync("/auth/login/mfa", new { mfa_token = mfaToken, code = right });

        Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(401));
        Assert.That(host.Audited("sign-in failed").Count(l => l.Contains("reason=wrong code", StringComparison.Ordinal)), Is.LessThanOrEqualTo(5), "codes looked at");
        Assert.That(withRightCode.Status, Is.EqualTo(401), "the right code during the lockout");
        Assert.That(withRightCode.Text, Does.Not.Contain("eyJ"));
    }

    [Test]
    public async Task Wrong_passwords_given_to_confirm_a_change_count_toward_the_lockout_are_audited_and_rate_limited()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("confirmer");

        var answers = new List<ApiResponse>();
        for (var i = 0; i < 6; i++)
            answers.Add(await host.Api.PutAsync("/user/me/password", new { current_password = $"not-it-{i}", new_password = "a-new-password-456" }, token));
        var audited = host.Audited("change not confirmed").Count;
        var signIn = await host.Api.SendAsync(HttpMethod.Post, "/auth/login", Api.Json(new { email = "confirmer@example.com", password = Password }), forwardedFor: "198.51.100.9");
        var more = new List<int>();
        for (var i = 0; i < 6; i++)
            more.Add((await host.Api.PutAsync("/user/me/password", new { current_password = Password, new_password = "a-new-password-456" }, token)).Status);

        Assert.That(answers.Take(5).Select(a => a.ResponseStatus["errorCode"]!.GetValue<string>()), Is.All.EqualTo("InvalidPassword"));
        Assert.That(answers[5].ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("LockedOut"), "the sixth is not looked at");
        Assert.That(signIn.Status, Is.EqualTo(401), "the account is locked out for sign-in too");
        Assert.That(audited, Is.EqualTo(6), "each refusal audited");
        Assert.That(more.Take(4), Is.All.EqualTo(400), "still locked out");
        Assert.That(more.Skip(4), Is.All.EqualTo(429), "past production's budget of 10 a minute");
    }
}
