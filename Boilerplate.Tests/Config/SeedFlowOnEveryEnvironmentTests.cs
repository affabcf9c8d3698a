using Boilerplate.Tests.Support;
using Microsoft.Extensions.Hosting;

namespace Boilerplate.Tests.Config;

/// <summary>
/// The seed's own flow (register, log in, read a user, log out, refused) answers as the seed does
/// on what <c>make run</c> and a plain production deployment get: tokens in the body, no cookies.
/// </summary>
[TestFixture("Development")]
[TestFixture("Production")]
public class SeedFlowOnEveryEnvironmentTests(string environment)
{
    private ApiFactory factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ApiFactory(environment);
        // Production's own bcrypt cost and rate limits; only what it refuses to start without is added.
        if (environment == Environments.Production)
        {
            factory.Settings["Auth:SecretKey"] = "a-long-random-production-secret-for-the-seed-flow-5d4c";
            factory.Settings["Database:MigrateOnStart"] = "true";
        }
    }

    [OneTimeTearDown]
    public void Stop() => factory?.Dispose();

    /// <summary>Over HTTPS, as production serves (it redirects plain HTTP there).</summary>
    private Api Api() => new(factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") }));

    [Test]
    public async Task Register_login_read_and_logout_answer_with_the_token_in_the_body()
    {
        var api = Api();

        var registered = await api.PostAsync("/user/", new { email = "seed@example.com", username = "seed", password = "123456-seed" });
        var login = await api.PostAsync("/auth/login", new { email = "seed@example.com", password = "123456-seed" });
        var token = login.String("Authorization");
        var me = await api.GetAsync("/user/me", token);
        var user = await api.GetAsync($"/user/{me.String("public_id")}", token);
        var logout = await api.SendAsync(HttpMethod.Post, "/auth/logout", authorization: "Bearer" + token);
        var refused = await api.GetAsync("/user/me", token);

        Assert.That(registered.Status, Is.EqualTo(201), registered.Text);
        Assert.That(registered.String("Authorization"), Does.StartWith("eyJ"));
        Assert.That(login.Status, Is.EqualTo(200), login.Text);
        Assert.That(user.String("email"), Is.EqualTo("seed@example.com"));
        Assert.That(logout.Status, Is.EqualTo(200), logout.Text);
        Assert.That(logout.String("status"), Is.EqualTo("success"));
        Assert.That(refused.Status, Is.EqualTo(401));
        Assert.That(refused.String("message"), Is.EqualTo("Token blacklisted. Please log in again."));
        foreach (var answer in new[] { registered, login, me, user, logout })
            Assert.That(answer.Message.Headers.Contains("Set-Cookie"), Is.False, answer.Text);
    }

    [Test]
    public async Task ServiceStacks_Authenticate_answers_with_the_bearer_and_refresh_tokens_in_the_body()
    {
        var api = Api();
        await api.PostAsync("/user", new { email = "ss@example.com", username = "ssclient", password = "password-123" });

        var signedIn = await api.PostAsync("/auth/credentials", new { userName = "ssclient", password = "password-123" });
        var renewed = await api.PostAsync("/access-token", new { refreshToken = signedIn.String("refreshToken") });

        Assert.That(signedIn.String("bearerToken"), Does.StartWith("eyJ"), signedIn.Text);
        Assert.That(renewed.String("accessToken"), Does.StartWith("eyJ"), renewed.Text);
        Assert.That(renewed.Message.Headers.Contains("Set-Cookie"), Is.False);
    }
}
