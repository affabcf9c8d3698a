using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.SignIn;

/// <summary>POST /auth/login.</summary>
[OnEachDatabase]
public class LoginTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Logging_in_answers_200_with_a_token()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name, "password-123");

        var response = await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" });

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.String("status"), Is.EqualTo("success"));
        Assert.That(response.String("message"), Is.EqualTo("Successfully logged in."));
        Assert.That((await Api.GetAsync("/user/me", response.String("Authorization"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_email_is_matched_whatever_its_casing()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name, "password-123");

        var response = await Api.PostAsync("/auth/login", new { email = $"{name.ToUpperInvariant()}@Example.COM", password = "password-123" });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name, "password-123");

        var wrongPassword = await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-124" });
        var unknownEmail = await Api.PostAsync("/auth/login", new { email = $"nobody-{name}@example.com", password = "password-123" });

        Assert.That(wrongPassword.Status, Is.EqualTo(401));
        Assert.That(wrongPassword.String("status"), Is.EqualTo("fail"));
        Assert.That(wrongPassword.String("message"), Is.EqualTo("email or password does not match."));
        Assert.That(unknownEmail.Status, Is.EqualTo(401));
        Assert.That(unknownEmail.TextWithoutTraceId, Is.EqualTo(wrongPassword.TextWithoutTraceId));
    }

    [Test]
    public async Task Missing_credentials_are_400_per_field()
    {
        var response = await Api.PostAsync("/auth/login", new { });

        Assert.That(response.Status, Is.EqualTo(400));
        var fields = response.ResponseStatus["errors"]!.AsArray().Select(e => e!["fieldName"]!.GetValue<string>());
        Assert.That(fields, Is.EqualTo(new[] { "email", "password" }));
    }
}
