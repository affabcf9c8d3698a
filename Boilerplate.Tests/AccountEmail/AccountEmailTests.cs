using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.AccountEmail;

/// <summary>
/// The account over email, against a real SMTP server: verifying the address, recovering a
/// forgotten password, moving to another address; every link a mail carries, followed as the
/// account pages would follow it.
/// </summary>
[OnEachDatabase]
public class AccountEmailTests(DatabaseKind kind)
{
    private const string FrontEnd = "https://front.example.test";
    private SmtpServer smtp = null!;
    private ApiFactory factory = null!;
    private Api api = null!;
    private int counter;

    [OneTimeSetUp]
    public void Start()
    {
        smtp = SmtpServer.Start();
        factory = new ApiFactory(kind: kind)
        {
            Settings =
            {
                ["Email:SmtpUrl"] = smtp.Url,
                ["Email:ResendInterval"] = "00:00:00.050",
                ["Email:RetryDelay"] = "00:00:00.200",
                ["Email:MaxRetryDelay"] = "00:00:01",
                ["App:PublicUrl"] = FrontEnd,
            },
        };
        api = factory.CreateApi();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        factory?.Dispose();
        smtp?.Dispose();
    }

    private string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}_{kind.ToString().ToLowerInvariant()}";

    [Test]
    public async Task Registration_mails_a_link_to_the_front_end_that_verifies_the_address_once()
    {
        var name = Unique("verify");
        var token = await api.RegisterAsync(name);
        Assert.That((await api.GetAsync("/user/me", token)).Body["email_verified"]!.GetValue<bool>(), Is.False);

        var mail = (await smtp.WaitForAsync($"{name}@example.com", "Confirm your email address")).Single();
        Assert.That(SmtpServer.LinkFrom(mail), Does.StartWith($"{FrontEnd}/account/verify-email?token="));
        Assert.That(mail.HtmlBody, Does.Contain($"{FrontEnd}/account/verify-email?token="));

        var verified = await api.PostAsync("/auth/verify-email", new { token = SmtpServer.TokenOf(mail) });
        var again = await api.PostAsync("/auth/verify-email", new { token = SmtpServer.TokenOf(mail) });

        Assert.That(verified.Status, Is.EqualTo(200), verified.Text);
        Assert.That((await api.GetAsync("/user/me", token)).Body["email_verified"]!.GetValue<bool>(), Is.True);
        Assert.That(again.Status, Is.EqualTo(400));
        Assert.That(again.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("InvalidToken"));
    }

    [Test]
    public async Task A_made_up_token_is_400_invalid_token_on_every_link()
    {
        foreach (var path in new[] { "/auth/verify-email", "/auth/confirm-email-change" })
        {
            var response = await api.PostAsync(path, new { token = "not-a-token-we-issued" });
            Assert.That((response.Status, response.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidToken")), path);
        }
        var reset = await api.PostAsync("/auth/reset-password", new { token = "not-a-token-we-issued", new_password = "password-456" });
        Assert.That((reset.Status, reset.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidToken")));
    }

    [Test]
    public async Task Resend_answers_alike_for_every_address_and_mails_only_an_unverified_account()
    {
        var (unverified, verified) = (Unique("resend"), Unique("resent"));
        await api.RegisterAsync(unverified);
        await api.RegisterAsync(verified);
        var first = (await smtp.WaitForAsync($"{verified}@example.com", "Confirm")).Single();
        await api.PostAsync("/auth/verify-email", new { token = SmtpServer.TokenOf(first) });
        await smtp.WaitForAsync($"{unverified}@example.com", "Confirm");
        await Task.Delay(100);

        var answers = new List<ApiResponse>();
        foreach (var address in new[] { $"{unverified}@example.com", $"{verified}@example.com", $"nobody_{unverified}@example.com" })
            answers.Add(await api.PostAsync("/auth/verify-email/resend", new { email = address }));

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(202));
        Assert.That(answers.Select(a => a.TextWithoutTraceId).Distinct().Count(), Is.EqualTo(1), "one body whatever the address");
        await smtp.WaitForAsync($"{unverified}@example.com", "Confirm", count: 2);
        await Task.Delay(1500);
        Assert.That(smtp.To($"{verified}@example.com", "Confirm"), Has.Count.EqualTo(1), "a verified account gets no new link");
        Assert.That(smtp.To($"nobody_{unverified}@example.com"), Is.Empty);
    }

    [Test]
    public async Task Forgot_password_answers_alike_and_does_no_mail_work_in_the_request_for_known_and_unknown_addresses()
    {
        var known = Unique("forgot");
        await api.RegisterAsync(known);

        // With the mail server down, the request still answers at once: it only writes to the outbox.
        smtp.Pause();
        ApiResponse forKnown, forUnknown;
        try
        {
            forKnown = await api.PostAsync("/auth/forgot-password", new { email = $"{known}@example.com" });
            forUnknown = await api.PostAsync("/auth/forgot-password", new { email = $"nobody_{known}@example.com" });
        }
        finally
        {
            smtp.Resume();
        }

        Assert.That((forKnown.Status, forUnknown.Status), Is.EqualTo((202, 202)));
        Assert.That(forUnknown.TextWithoutTraceId, Is.EqualTo(forKnown.TextWithoutTraceId));
        Assert.That(await smtp.WaitForAsync($"{known}@example.com", "Reset your"), Has.Count.EqualTo(1), "the mail waited for the server and went");
        await Task.Delay(1000);
        Assert.That(smtp.To($"nobody_{known}@example.com"), Is.Empty);
    }

    [Test]
    public async Task A_reset_sets_the_password_ends_every_other_session_clears_the_lockout_and_verifies_the_address()
    {
        var name = Unique("reset");
        var email = $"{name}@example.com";
        var registered = await api.PostAsync("/user", new { email, username = name, password = "password-123" });
        var otherSession = await api.LoginAsync(email, "password-123");
        for (var i = 0; i < 5; i++)
            await api.PostAsync("/auth/login", new { email, password = "wrong-password" });
        Assert.That((await api.PostAsync("/auth/login", new { email, password = "password-123" })).Status, Is.EqualTo(401), "locked out");

        await api.PostAsync("/auth/forgot-password", new { email });
        var mail = (await smtp.WaitForAsync(email, "Reset your")).Single();
        Assert.That(SmtpServer.LinkFrom(mail), Does.StartWith($"{FrontEnd}/account/reset-password?token="));
        var reset = await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(mail), new_password = "brand-new-pass-1" });

        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
        Assert.That((await api.GetAsync("/user/me", reset.String("Authorization"))).Body["email_verified"]!.GetValue<bool>(), Is.True);
        Assert.That((await api.GetAsync("/user/me", otherSession)).Status, Is.EqualTo(401), "every other session ended");
        Assert.That((await api.PostAsync("/access-token", new { refreshToken = registered.String("refreshToken") })).Status, Is.EqualTo(401));
        Assert.That((await api.PostAsync("/auth/login", new { email, password = "password-123" })).Status, Is.EqualTo(401), "the old password is gone");
        Assert.That((await api.PostAsync("/auth/login", new { email, password = "brand-new-pass-1" })).Status, Is.EqualTo(200), "the lockout is over");
        var reused = await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(mail), new_password = "another-pass-12" });
        Assert.That(reused.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("InvalidToken"));
    }

    [Test]
    public async Task Only_the_newest_reset_link_works_and_a_password_change_ends_it()
    {
        var name = Unique("newest");
        var email = $"{name}@example.com";
        var token = await api.RegisterAsync(name);

        await api.PostAsync("/auth/forgot-password", new { email });
        await smtp.WaitForAsync(email, "Reset your");
        await Task.Delay(100);
        await api.PostAsync("/auth/forgot-password", new { email });
        var mails = await smtp.WaitForAsync(email, "Reset your", count: 2);

        var older = await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(mails[0]), new_password = "password-456" });
        Assert.That(older.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("InvalidToken"));

        var changed = await api.SendAsync(HttpMethod.Put, "/user/me/password", Api.Json(new { current_password = "password-123", new_password = "password-789" }), token);
        Assert.That(changed.Status, Is.EqualTo(200));
        var newer = await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(mails[1]), new_password = "password-456" });
        Assert.That(newer.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("InvalidToken"), "the password changed since the link was sent");
    }

    [Test]
    public async Task Within_the_resend_interval_an_address_gets_one_mail_of_a_kind()
    {
        using var slow = new ApiFactory(database: null, kind: kind) { Settings = { ["Email:SmtpUrl"] = smtp.Url, ["Email:ResendInterval"] = "00:01:00" } };
        var client = slow.CreateApi();
        var name = Unique("interval");
        await client.RegisterAsync(name);
        for (var i = 0; i < 3; i++)
            Assert.That((await client.PostAsync("/auth/forgot-password", new { email = $"{name}@example.com" })).Status, Is.EqualTo(202));

        await smtp.WaitForAsync($"{name}@example.com", "Reset your");
        await Task.Delay(1500);
        Assert.That(smtp.To($"{name}@example.com", "Reset your"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_account_an_admin_locked_gets_no_reset_link()
    {
        var name = Unique("lockedout");
        var admin = await factory.CreateAdminAsync(Unique("admin"));
        var token = await api.RegisterAsync(name);
        var publicId = (await api.GetAsync("/user/me", token)).String("public_id");
        await api.PostAsync($"/user/{publicId}/lock", token: admin);

        await api.PostAsync("/auth/forgot-password", new { email = $"{name}@example.com" });
        await Task.Delay(1500);

        Assert.That(smtp.To($"{name}@example.com", "Reset your"), Is.Empty);
    }

    [Test]
    public async Task Changing_the_email_takes_the_password_and_changes_nothing_until_the_new_address_confirms()
    {
        var name = Unique("mover");
        var (oldEmail, newEmail) = ($"{name}@example.com", $"{name}@new.example.com");
        var token = await api.RegisterAsync(name);
        var taken = Unique("taken");
        await api.RegisterAsync(taken);

        var wrongPassword = await api.SendAsync(HttpMethod.Put, "/user/me/email", Api.Json(new { new_email = newEmail, password = "not-my-password" }), token);
        var takenAddress = await api.SendAsync(HttpMethod.Put, "/user/me/email", Api.Json(new { new_email = $"{taken}@example.com", password = "password-123" }), token);
        var asked = await api.SendAsync(HttpMethod.Put, "/user/me/email", Api.Json(new { new_email = newEmail, password = "password-123" }), token);

        Assert.That((wrongPassword.Status, wrongPassword.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidPassword")));
        Assert.That(takenAddress.Status, Is.EqualTo(409));
        Assert.That(asked.Status, Is.EqualTo(202), asked.Text);
        var confirmation = (await smtp.WaitForAsync(newEmail, "Confirm your new email")).Single();
        var notice = (await smtp.WaitForAsync(oldEmail, "about to change")).Single();
        Assert.That(notice.TextBody, Does.Contain(newEmail));
        Assert.That((await api.GetAsync("/user/me", token)).String("email"), Is.EqualTo(oldEmail), "nothing changed yet");
        Assert.That(SmtpServer.LinkFrom(confirmation), Does.StartWith($"{FrontEnd}/account/confirm-email?token="));

        var confirmed = await api.PostAsync("/auth/confirm-email-change", new { token = SmtpServer.TokenOf(confirmation) });

        Assert.That(confirmed.Status, Is.EqualTo(200), confirmed.Text);
        Assert.That(confirmed.String("email"), Is.EqualTo(newEmail));
        Assert.That(confirmed.Body["email_verified"]!.GetValue<bool>(), Is.True);
        Assert.That((await api.PostAsync("/auth/login", new { email = oldEmail, password = "password-123" })).Status, Is.EqualTo(401));
        Assert.That((await api.PostAsync("/auth/login", new { email = newEmail, password = "password-123" })).Status, Is.EqualTo(200));
        var reused = await api.PostAsync("/auth/confirm-email-change", new { token = SmtpServer.TokenOf(confirmation) });
        Assert.That(reused.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("InvalidToken"));
    }

    [Test]
    public async Task Confirming_an_address_another_account_took_meanwhile_is_409_and_changes_nothing()
    {
        var name = Unique("late");
        var wanted = $"{name}@wanted.example.com";
        var token = await api.RegisterAsync(name);
        await api.SendAsync(HttpMethod.Put, "/user/me/email", Api.Json(new { new_email = wanted, password = "password-123" }), token);
        var confirmation = (await smtp.WaitForAsync(wanted, "Confirm your new email")).Single();
        var quicker = Unique("quicker");
        Assert.That((await api.PostAsync("/user", new { email = wanted, username = quicker, password = "password-123" })).Status, Is.EqualTo(201));

        var confirmed = await api.PostAsync("/auth/confirm-email-change", new { token = SmtpServer.TokenOf(confirmation) });

        Assert.That(confirmed.Status, Is.EqualTo(409));
        Assert.That((await api.GetAsync("/user/me", token)).String("email"), Is.EqualTo($"{name}@example.com"));
    }

    [Test]
    public async Task While_a_mail_waits_its_token_is_encrypted_in_the_outbox_and_once_sent_it_is_gone()
    {
        var name = Unique("sealed");
        var email = $"{name}@example.com";
        await api.RegisterAsync(name);
        await smtp.WaitForAsync(email, "Confirm");

        smtp.Pause();
        string? waiting;
        try
        {
            await api.PostAsync("/auth/forgot-password", new { email });
            waiting = await WaitForTokenColumnAsync(email);
        }
        finally
        {
            smtp.Resume();
        }
        var mail = (await smtp.WaitForAsync(email, "Reset your")).Single();
        await Task.Delay(300);

        var raw = SmtpServer.TokenOf(mail);
        Assert.That(waiting, Is.Not.Null.And.Not.Contains(raw), "stored encrypted while the server was down");
        Assert.That(await OutboxAsync(email, "password_reset", r => r.Token), Is.Null, "erased once sent");
        Assert.That(await OutboxAsync(email, "password_reset", r => r.State), Is.EqualTo("sent"));
        Assert.That(mail.MessageId, Does.StartWith(await OutboxAsync(email, "password_reset", r => r.MessageId)), "the Message-ID is the row's");
    }

    private async Task<string?> WaitForTokenColumnAsync(string email)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await OutboxAsync(email, "password_reset", r => r.Token) is { } token)
                return token;
            await Task.Delay(50);
        }
        return null;
    }

    private async Task<T> OutboxAsync<T>(string email, string kind, Func<MailRecord, T> read)
    {
        using var scope = factory.Services.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDb>().Mail.Where(m => m.Recipient == email && m.Kind == kind).OrderByDescending(m => m.Id).FirstAsync();
        return read(row);
    }
}
