using System.Text;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Errors;

/// <summary>The error table of docs/api.md, row by row: each failure, its status and its errorCode.</summary>
[OnEachDatabase]
public class ErrorTableTests(DatabaseKind kind) : ApiFixture(kind)
{
    private string userToken = null!;
    private string revokedToken = null!;

    [OneTimeSetUp]
    public async Task CreateUsers()
    {
        await Api.RegisterAsync("taken");
        userToken = await Api.RegisterAsync(UniqueName());
        revokedToken = await Api.RegisterAsync(UniqueName());
        await Api.PostAsync("/auth/logout", token: revokedToken);
    }

    private static IEnumerable<TestCaseData> Rows()
    {
        TestCaseData Row(string cause, int status, string errorCode, Func<ErrorTableTests, Task<ApiResponse>> call) =>
            new TestCaseData(call, status, errorCode).SetName($"{cause} is {status} {errorCode}");

        yield return Row("an invalid field", 400, "Email", t => t.Api.PostAsync("/user", new { email = "x", username = "valid_name", password = "password-123" }));
        yield return Row("malformed JSON", 400, "SerializationException", t => t.Api.SendAsync(HttpMethod.Post, "/user", new StringContent("{", Encoding.UTF8, "application/json")));
        yield return Row("no token on a guarded route", 401, "Unauthorized", t => t.Api.GetAsync("/user/me"));
        yield return Row("no token on logout", 403, "Forbidden", t => t.Api.PostAsync("/auth/logout"));
        yield return Row("an invalid token", 401, "TokenException", t => t.Api.GetAsync("/user/me", "not-a-token"));
        yield return Row("a revoked token", 401, "TokenException", t => t.Api.GetAsync("/user/me", t.revokedToken));
        yield return Row("wrong credentials", 401, "Unauthorized", t => t.Api.PostAsync("/auth/login", new { email = "taken@example.com", password = "wrong-password" }));
        yield return Row("a non-admin on an admin route", 403, "Forbidden", t => t.Api.GetAsync("/user", t.userToken));
        yield return Row("an unknown user", 404, "NotFound", t => t.Api.GetAsync($"/user/{Guid.NewGuid()}", t.userToken));
        yield return Row("an unknown route", 404, "NotFound", t => t.Api.GetAsync("/nowhere"));
        yield return Row("a wrong verb", 405, "MethodNotAllowed", t => t.Api.SendAsync(HttpMethod.Delete, "/user"));
        yield return Row("an unknown operation", 405, "NotImplementedException", t => t.Api.PostAsync("/api/Nothing"));
        yield return Row("a taken email", 409, "AlreadyExists", t => t.Api.PostAsync("/user", new { email = "taken@example.com", username = "another_name", password = "password-123" }));
        yield return Row("a body over 64 KiB", 413, "RequestTooLarge", t => t.Api.SendAsync(HttpMethod.Post, "/user", new StringContent(new string(' ', 65 * 1024), Encoding.UTF8, "application/json")));
    }

    [TestCaseSource(nameof(Rows))]
    public async Task Each_failure_has_its_status_and_error_code(Func<ErrorTableTests, Task<ApiResponse>> call, int status, string errorCode)
    {
        var response = await call(this);

        Assert.That(response.Status, Is.EqualTo(status), response.Text);
        Assert.That(response.Header("Content-Type"), Does.StartWith("application/json"));
        Assert.That(response.String("status"), Is.EqualTo("fail"));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo(errorCode));
        Assert.That(response.ResponseStatus["message"]!.GetValue<string>(), Is.Not.Empty.And.EqualTo(response.String("message")));
    }
}
