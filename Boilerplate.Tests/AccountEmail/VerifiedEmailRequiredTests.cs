using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.AccountEmail;

/// <summary>
/// With Auth:RequireVerifiedEmail an account signs in only once its address is verified, and
/// says so only to someone who knew the password.
/// </summary>
[OnEachDatabase]
public class VerifiedEmailRequiredTests(DatabaseKind kind)
{
    private SmtpServer smtp = null!;
    private ApiFactory factory = null!;
    private Api api = null!;
    private int counter;

    [OneTimeSetUp]
    public void Start()
    {
        smtp = SmtpServer.Start();
        factory = new ApiFactory(kind: kind) { Settings = { ["Email:SmtpUrl"] = smtp.Url, ["Auth:RequireVerifiedEmail"] = "true" } };
        api = factory.CreateApi();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        factory?.Dispose();
        smtp?.Dispose();
    }

    private async Task<string> RegisterAsync()
    {
        var name = $"unverified{Interlocked.Increment(ref counter)}_{kind.ToString().ToLowerInvariant()}";
        var registered = await api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "password-123" });
        Assert.That(registered.Status, Is.EqualTo(201), registered.Text);
        return name;
    }

    [Test]
    public async Task Registration_answers_201_without_tokens_and_says_to_check_the_mailbox()
    {
        var name = $"checkmail_{kind.ToString().ToLowerInvariant()}";
        var registered = await api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "password-123" });

        Assert.That(registered.Status, Is.EqualTo(201));
        Assert.That(registered.String("status"), Is.EqualTo("success"));
        Assert.That(registered.String("message"), Does.Contain("link we mailed"));
        Assert.That(registered.Body.AsObject().Select(p => p.Key), Has.None.EqualTo("Authorization").And.None.EqualTo("refreshToken"));
        Assert.That(await smtp.WaitForAsync($"{name}@example.com", "Confirm your email address"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_unverified_account_learns_it_must_verify_only_after_the_right_password()
    {
        var email = $"{await RegisterAsync()}@example.com";

        var wrongPassword = await api.PostAsync("/auth/login", new { email, password = "not-the-password" });
        var rightPassword = await api.PostAsync("/auth/login", new { email, password = "password-123" });
        var unknown = await api.PostAsync("/auth/login", new { email = "nobody-" + email, password = "password-123" });

        Assert.That(wrongPassword.TextWithoutTraceId, Is.EqualTo(unknown.TextWithoutTraceId), "a wrong guess learns nothing about the account");
        Assert.That(wrongPassword.Status, Is.EqualTo(401));
        Assert.That((rightPassword.Status, rightPassword.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((403, "EmailNotVerified")));
        Assert.That(rightPassword.Text, Does.Not.Contain("eyJ"), "no token");
    }

    [Test]
    public async Task ServiceStacks_credentials_sign_in_refuses_an_unverified_account_the_same_way()
    {
        var email = $"{await RegisterAsync()}@example.com";

        var wrongPassword = await api.PostAsync("/auth/credentials", new { userName = email, password = "not-the-password" });
        var rightPassword = await api.PostAsync("/auth/credentials", new { userName = email, password = "password-123" });

        Assert.That(wrongPassword.Status, Is.EqualTo(401));
        Assert.That((rightPassword.Status, rightPassword.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((403, "EmailNotVerified")));
    }

    [Test]
    public async Task Once_the_link_is_followed_the_account_signs_in_both_ways()
    {
        var email = $"{await RegisterAsync()}@example.com";
        var mail = (await smtp.WaitForAsync(email, "Confirm your email address")).Single();

        Assert.That((await api.PostAsync("/auth/verify-email", new { token = SmtpServer.TokenOf(mail) })).Status, Is.EqualTo(200));

        Assert.That((await api.PostAsync("/auth/login", new { email, password = "password-123" })).Status, Is.EqualTo(200));
        Assert.That((await api.PostAsync("/auth/credentials", new { userName = email, password = "password-123" })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_password_reset_through_the_mailed_link_verifies_the_address_and_signs_in()
    {
        var email = $"{await RegisterAsync()}@example.com";

        await api.PostAsync("/auth/forgot-password", new { email });
        var mail = (await smtp.WaitForAsync(email, "Reset your")).Single();
        var reset = await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(mail), new_password = "password-456" });

        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
        Assert.That((await api.PostAsync("/auth/login", new { email, password = "password-456" })).Status, Is.EqualTo(200));
    }
}
