using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Security;

/// <summary>A password or token never travels in a URL: one in the query string is refused, never used, never logged.</summary>
public class SecretsInUrlTests
{
    [Test]
    public async Task Delete_me_with_the_password_in_the_query_is_400_keeps_the_account_and_logs_no_password()
    {
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(logs: logs)
        {
            Settings = { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
        };
        var api = factory.CreateApi();
        const string password = "Qu3ry-string-pass";
        var token = await api.RegisterAsync("in_the_url", password);

        var refused = await api.SendAsync(HttpMethod.Delete, $"/user/me?password={password}", token: token);

        Assert.That(refused.Status, Is.EqualTo(400), refused.Text);
        Assert.That(refused.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("SecretInUrl"));
        Assert.That(refused.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("password"));
        Assert.That((await api.GetAsync("/user/me", token)).Status, Is.EqualTo(200), "the account is still there");
        Assert.That(logs.Lines, Has.Some.Contains("/user/me"), "the request was logged at all");
        Assert.That(logs.Lines, Has.None.Contains(password));
    }

    [TestCase("GET", "/api/Login?email=a@example.com&password=Qu3ry-string-pass")]
    [TestCase("POST", "/auth/login?password=Qu3ry-string-pass")]
    [TestCase("POST", "/access-token?refreshToken=abc")]
    [TestCase("PUT", "/user/me/password?new_password=Qu3ry-string-pass")]
    [TestCase("POST", "/api/Authenticate?provider=credentials&userName=a&password=Qu3ry-string-pass")]
    public async Task A_secret_in_any_operation_s_query_string_is_refused(string verb, string url)
    {
        using var factory = new ApiFactory();
        var api = factory.CreateApi();
        var token = await api.RegisterAsync("anyone");

        var response = await api.SendAsync(new HttpMethod(verb), url, Api.Json(new { }), token: token);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("SecretInUrl"));
    }

    [Test]
    public async Task ServiceStack_s_clients_delete_the_account_with_a_post_that_carries_the_password_in_its_body()
    {
        using var factory = new ApiFactory();
        var api = factory.CreateApi();
        var token = await api.RegisterAsync("leaving", "password-123");

        var deleted = await api.PostAsync("/api/DeleteCurrentUser", new { password = "password-123" }, token);

        Assert.That(deleted.Status, Is.EqualTo(204), deleted.Text);
        Assert.That((await api.GetAsync("/user/me", token)).Status, Is.EqualTo(401));
    }
}
