using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.AccountEmail;

/// <summary>Each kind of mailed link works for its lifetime from Auth's settings, and not a moment after.</summary>
[OnEachDatabase]
public class EmailTokenLifetimeTests(DatabaseKind kind)
{
    private readonly TestClock clock = new(DateTimeOffset.UtcNow);
    private SmtpServer smtp = null!;
    private ApiFactory factory = null!;
    private Api api = null!;
    private int counter;

    [OneTimeSetUp]
    public void Start()
    {
        smtp = SmtpServer.Start();
        factory = new ApiFactory(clock: clock, kind: kind) { Settings = { ["Email:SmtpUrl"] = smtp.Url } };
        api = factory.CreateApi();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        factory?.Dispose();
        smtp?.Dispose();
    }

    // Access tokens are checked against the wall clock, so each test starts from it.
    [SetUp]
    public void Now() => clock.Now = DateTimeOffset.UtcNow;

    private string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}_{kind.ToString().ToLowerInvariant()}";

    [Test]
    public async Task A_reset_link_works_for_an_hour()
    {
        var (early, late) = (Unique("resetearly"), Unique("resetlate"));
        await api.RegisterAsync(early);
        await api.RegisterAsync(late);
        await api.PostAsync("/auth/forgot-password", new { email = $"{early}@example.com" });
        await api.PostAsync("/auth/forgot-password", new { email = $"{late}@example.com" });
        var earlyMail = (await smtp.WaitForAsync($"{early}@example.com", "Reset your")).Single();
        var lateMail = (await smtp.WaitForAsync($"{late}@example.com", "Reset your")).Single();

        clock.Now += TimeSpan.FromMinutes(59);
        var inTime = await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(earlyMail), new_password = "password-456" });
        clock.Now += TimeSpan.FromMinutes(2);
        var tooLate = await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(lateMail), new_password = "password-456" });

        Assert.That(inTime.Status, Is.EqualTo(200), inTime.Text);
        Assert.That((tooLate.Status, tooLate.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidToken")));
    }

    [Test]
    public async Task A_verification_link_works_for_a_day()
    {
        var (early, late) = (Unique("verifyearly"), Unique("verifylate"));
        await api.RegisterAsync(early);
        await api.RegisterAsync(late);
        var earlyMail = (await smtp.WaitForAsync($"{early}@example.com", "Confirm")).Single();
        var lateMail = (await smtp.WaitForAsync($"{late}@example.com", "Confirm")).Single();

        clock.Now += TimeSpan.FromHours(23);
        var inTime = await api.PostAsync("/auth/verify-email", new { token = SmtpServer.TokenOf(earlyMail) });
        clock.Now += TimeSpan.FromHours(2);
        var tooLate = await api.PostAsync("/auth/verify-email", new { token = SmtpServer.TokenOf(lateMail) });

        Assert.That(inTime.Status, Is.EqualTo(200), inTime.Text);
        Assert.That((tooLate.Status, tooLate.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidToken")));
    }

    [Test]
    public async Task An_email_change_link_works_for_a_day()
    {
        var name = Unique("changelate");
        var token = await api.RegisterAsync(name);
        var asked = await api.SendAsync(HttpMethod.Put, "/user/me/email", Api.Json(new { new_email = $"{name}@later.example.com", password = "password-123" }), token);
        Assert.That(asked.Status, Is.EqualTo(202), asked.Text);
        var mail = (await smtp.WaitForAsync($"{name}@later.example.com", "Confirm your new email")).Single();

        clock.Now += TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        var tooLate = await api.PostAsync("/auth/confirm-email-change", new { token = SmtpServer.TokenOf(mail) });

        Assert.That((tooLate.Status, tooLate.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidToken")));
    }

    [TestCase("Auth:PasswordResetLifetime", "00:10:00", 11)]
    public async Task The_lifetime_comes_from_the_settings(string setting, string lifetime, int minutesLater)
    {
        using var shortLived = new ApiFactory(clock: clock, kind: kind) { Settings = { ["Email:SmtpUrl"] = smtp.Url, [setting] = lifetime } };
        var client = shortLived.CreateApi();
        var name = Unique("shortlived");
        await client.RegisterAsync(name);
        await client.PostAsync("/auth/forgot-password", new { email = $"{name}@example.com" });
        var mail = (await smtp.WaitForAsync($"{name}@example.com", "Reset your")).Single();

        clock.Now += TimeSpan.FromMinutes(minutesLater);
        var tooLate = await client.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(mail), new_password = "password-456" });

        Assert.That(tooLate.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("InvalidToken"));
    }
}
