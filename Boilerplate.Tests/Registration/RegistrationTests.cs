using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Registration;

/// <summary>POST /user: registration signs the new user in.</summary>
[OnEachDatabase]
public class RegistrationTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Registering_answers_201_with_a_token_that_works()
    {
        var name = UniqueName();
        var response = await Api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "password-123" });

        Assert.That(response.Status, Is.EqualTo(201));
        Assert.That(response.Body.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "status", "message", "Authorization", "refreshToken", "refreshTokenExpiry" }), "the seed's keys in its order, then the refresh token");
        Assert.That(response.String("status"), Is.EqualTo("success"));
        Assert.That(response.String("message"), Is.EqualTo("Successfully registered."));
        var me = await Api.GetAsync("/user/me", response.String("Authorization"));
        Assert.That(me.Status, Is.EqualTo(200));
        Assert.That(me.String("username"), Is.EqualTo(name));
    }

    [Test]
    public async Task The_route_answers_with_a_trailing_slash_too()
    {
        var name = UniqueName();
        var response = await Api.PostAsync("/user/", new { email = $"{name}@example.com", username = name, password = "password-123" });
        Assert.That(response.Status, Is.EqualTo(201), response.Text);
    }

    [Test]
    public async Task A_passphrase_of_64_characters_signs_in_and_one_over_72_bytes_is_refused_rather_than_cut()
    {
        var name = UniqueName();
        var passphrase = string.Concat(Enumerable.Repeat("correct horse battery staple ", 3))[..64];
        var registered = await Api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = passphrase });
        var tooLong = await Api.PostAsync("/user", new { email = $"{name}2@example.com", username = name + "2", password = new string('é', 37) });

        Assert.That(registered.Status, Is.EqualTo(201), registered.Text);
        Assert.That((await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = passphrase })).Status, Is.EqualTo(200));
        Assert.That((await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = passphrase[..63] })).Status, Is.EqualTo(401), "every character counts");
        Assert.That(tooLong.Status, Is.EqualTo(400));
        Assert.That(tooLong.ResponseStatus["errors"]![0]!["message"]!.GetValue<string>(), Is.EqualTo("password must be at most 72 bytes."));
    }

    [Test]
    public async Task A_taken_email_is_409_whatever_its_casing()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name);

        var response = await Api.PostAsync("/user", new { email = $"{name.ToUpperInvariant()}@EXAMPLE.com", username = UniqueName(), password = "password-123" });

        Assert.That(response.Status, Is.EqualTo(409));
        Assert.That(response.String("status"), Is.EqualTo("fail"));
        Assert.That(response.String("message"), Is.EqualTo("User already exists. Please Log in."));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("AlreadyExists"));
    }

    [Test]
    public async Task A_taken_username_is_409_not_500()
    {
        var name = UniqueName();
        await Api.RegisterAsync(name);

        var response = await Api.PostAsync("/user", new { email = $"other-{name}@example.com", username = name.ToUpperInvariant(), password = "password-123" });

        Assert.That(response.Status, Is.EqualTo(409));
        Assert.That(response.String("message"), Is.EqualTo("User already exists. Please Log in."));
    }

    [Test]
    public async Task Admin_true_in_the_body_never_makes_an_admin()
    {
        var name = UniqueName();
        var response = await Api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "password-123", admin = true });
        Assert.That(response.Status, Is.EqualTo(201));

        var me = await Api.GetAsync("/user/me", response.String("Authorization"));
        Assert.That(me.Body["admin"]!.GetValue<bool>(), Is.False);
        var list = await Api.GetAsync("/user", response.String("Authorization"));
        Assert.That(list.Status, Is.EqualTo(403));
    }

    [Test]
    public async Task Unknown_fields_are_ignored()
    {
        var name = UniqueName();
        var response = await Api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "password-123", favourite_colour = "green" });
        Assert.That(response.Status, Is.EqualTo(201), response.Text);
    }

    [Test]
    public async Task Neither_the_password_nor_its_hash_appears_in_any_response()
    {
        var name = UniqueName();
        var token = (await Api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "Sw0rdfish-secret" })).String("Authorization");
        var me = await Api.GetAsync("/user/me", token);

        Assert.That(me.Text, Does.Not.Contain("Sw0rdfish-secret").And.Not.Contain("$2").And.Not.Contain("password"));
    }

    [TestCase("not-an-email", "email", "Email")]
    [TestCase("no-domain@", "email", "Email")]
    [TestCase("", "email", "NotEmpty")]
    public async Task An_invalid_email_is_400_naming_the_field(string email, string field, string code)
    {
        var response = await Api.PostAsync("/user", new { email, username = UniqueName(), password = "password-123" });
        AssertFieldError(response, field, code);
    }

    [Test]
    public async Task An_email_over_255_characters_is_400()
    {
        var response = await Api.PostAsync("/user", new { email = new string('a', 250) + "@example.com", username = UniqueName(), password = "password-123" });
        AssertFieldError(response, "email", "MaximumLength");
    }

    [TestCase("ab")]
    [TestCase("has space")]
    [TestCase("semi;colon")]
    [TestCase("ünïcödé")]
    public async Task An_invalid_username_is_400(string username)
    {
        var response = await Api.PostAsync("/user", new { email = $"{UniqueName()}@example.com", username, password = "password-123" });
        AssertFieldError(response, "username", "RegularExpression");
    }

    [Test]
    public async Task A_username_of_51_characters_is_400()
    {
        var response = await Api.PostAsync("/user", new { email = $"{UniqueName()}@example.com", username = new string('u', 51), password = "password-123" });
        AssertFieldError(response, "username", "RegularExpression");
    }

    [Test]
    public async Task A_password_under_8_characters_is_400()
    {
        var response = await Api.PostAsync("/user", new { email = $"{UniqueName()}@example.com", username = UniqueName(), password = "1234567" });
        AssertFieldError(response, "password", "MinimumLength");
        Assert.That(response.String("message"), Is.EqualTo("password must be at least 8 characters."));
    }

    [Test]
    public async Task A_password_bcrypt_would_truncate_is_400_not_silently_cut()
    {
        var response = await Api.PostAsync("/user", new { email = $"{UniqueName()}@example.com", username = UniqueName(), password = new string('p', 73) });
        AssertFieldError(response, "password", "MaximumLength");
    }

    [Test]
    public async Task Every_bad_field_gets_its_own_error_and_the_first_leads()
    {
        var response = await Api.PostAsync("/user", new { email = "nope", username = "x", password = "short" });

        Assert.That(response.Status, Is.EqualTo(400));
        var errors = response.ResponseStatus["errors"]!.AsArray();
        Assert.That(errors.Select(e => e!["fieldName"]!.GetValue<string>()), Is.EqualTo(new[] { "email", "username", "password" }));
        Assert.That(response.ResponseStatus["message"]!.GetValue<string>(), Is.EqualTo(errors[0]!["message"]!.GetValue<string>()));
        Assert.That(response.String("message"), Is.EqualTo(errors[0]!["message"]!.GetValue<string>()));
    }

    [Test]
    public async Task A_rejected_registration_stores_nothing()
    {
        var name = UniqueName();
        await Api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "short" });

        var retry = await Api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "long-enough" });
        Assert.That(retry.Status, Is.EqualTo(201));
    }

    private static void AssertFieldError(ApiResponse response, string field, string code)
    {
        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.String("status"), Is.EqualTo("fail"));
        var errors = response.ResponseStatus["errors"]!.AsArray();
        Assert.That(errors.Select(e => (e!["fieldName"]!.GetValue<string>(), e["errorCode"]!.GetValue<string>())),
            Has.Member((field, code)), response.Text);
    }
}
