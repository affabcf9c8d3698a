using Boilerplate.Tests.Support;
using ServiceStack;

namespace Boilerplate.Tests.SignIn;

/// <summary>ServiceStack's sign-in: Authenticate at /auth and /auth/{provider}.</summary>
[OnEachDatabase]
public class AuthenticateTests(DatabaseKind kind) : ApiFixture(kind)
{
    [TestCase("/auth/credentials", "email")]
    [TestCase("/auth/credentials", "username")]
    [TestCase("/auth/login", "email")]
    [TestCase("/auth", "username")]
    [TestCase("/api/Authenticate", "email")]
    public async Task Signing_in_with_the_email_or_the_username_returns_servicestacks_response(string path, string by)
    {
        var name = UniqueName();
        await Api.RegisterAsync(name);
        var userName = by == "email" ? $"{name}@example.com" : name.ToUpperInvariant();
        var body = path == "/auth/login"
            ? (object)new { email = userName, password = "password-123" }
            : new { provider = "credentials", userName, password = "password-123" };

        var response = await Api.PostAsync(path, body);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        if (path == "/auth/login")
            return; // the seed's own login route answers the seed's shape (LoginTests)
        Assert.That(response.String("userName"), Is.EqualTo(name));
        Assert.That(response.String("displayName"), Is.EqualTo(name));
        Assert.That(Guid.TryParse(response.String("userId"), out _), Is.True);
        Assert.That(response.String("sessionId"), Has.Length.EqualTo(32));
        Assert.That(response.Body["roles"]!.AsArray(), Is.Empty);
        Assert.That((await Api.GetAsync("/user/me", response.String("bearerToken"))).Status, Is.EqualTo(200));
        Assert.That((await Api.PostAsync("/access-token", new { refreshToken = response.String("refreshToken") })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task An_admin_signs_in_with_the_admin_role()
    {
        var name = UniqueName("admin");
        await Factory.CreateAdminAsync(name);

        var response = await Api.PostAsync("/auth/credentials", new { userName = name, password = "admin-password-1" });

        Assert.That(response.Body["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { RoleNames.Admin }));
    }

    [Test]
    public async Task Wrong_credentials_are_401_whether_the_user_exists_or_not()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name);

        var wrong = await Api.PostAsync("/auth/credentials", new { userName = name, password = "password-124" });
        var unknown = await Api.PostAsync("/auth/credentials", new { userName = "nobody_" + name, password = "password-123" });

        Assert.That(wrong.Status, Is.EqualTo(401));
        Assert.That(unknown.TextWithoutTraceId, Is.EqualTo(wrong.TextWithoutTraceId));
    }

    [Test]
    public async Task Get_auth_describes_the_current_session_without_new_tokens()
    {
        var name = UniqueName();
        var token = await Api.RegisterAsync(name);

        var response = await Api.GetAsync("/auth", token);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.String("userName"), Is.EqualTo(name));
        Assert.That(response.Body["bearerToken"], Is.Null);
    }

    [Test]
    public async Task Get_auth_without_a_token_is_401_not_authenticated()
    {
        var response = await Api.GetAsync("/auth");

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.String("message"), Is.EqualTo("Not Authenticated"));
    }

    [Test]
    public async Task An_unknown_provider_is_404()
    {
        var response = await Api.PostAsync("/auth/github", new { userName = "a", password = "b" });
        Assert.That(response.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Credentials_cannot_be_sent_by_get()
    {
        var response = await Api.GetAsync("/auth/credentials?userName=a&password=b");
        Assert.That(response.Status, Is.EqualTo(405));
    }

    [Test]
    public async Task A_provider_without_credentials_is_400_per_field()
    {
        var response = await Api.PostAsync("/auth/credentials", new { });

        Assert.That(response.Status, Is.EqualTo(400));
        var fields = response.ResponseStatus["errors"]!.AsArray().Select(e => e!["fieldName"]!.GetValue<string>());
        Assert.That(fields, Is.EqualTo(new[] { "userName", "password" }));
    }
}
