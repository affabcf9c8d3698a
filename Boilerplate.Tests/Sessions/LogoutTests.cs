using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Sessions;

/// <summary>POST /auth/logout blacklists the token it is sent with.</summary>
[OnEachDatabase]
public class LogoutTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Logging_out_answers_200_and_the_token_is_refused_from_then_on()
    {
        var token = await Api.RegisterAsync(UniqueName());

        var logout = await Api.PostAsync("/auth/logout", token: token);
        var after = await Api.GetAsync("/user/me", token);

        Assert.That(logout.Status, Is.EqualTo(200));
        Assert.That(logout.String("status"), Is.EqualTo("success"));
        Assert.That(logout.String("message"), Is.EqualTo("Successfully logged out."));
        Assert.That(after.Status, Is.EqualTo(401));
        Assert.That(after.String("message"), Is.EqualTo("Token blacklisted. Please log in again."));
        Assert.That(after.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("TokenException"));
    }

    [Test]
    public async Task Logging_out_twice_is_401_blacklisted()
    {
        var token = await Api.RegisterAsync(UniqueName());
        await Api.PostAsync("/auth/logout", token: token);

        var again = await Api.PostAsync("/auth/logout", token: token);

        Assert.That(again.Status, Is.EqualTo(401));
        Assert.That(again.String("message"), Is.EqualTo("Token blacklisted. Please log in again."));
    }

    [Test]
    public async Task Logging_out_without_a_token_is_403()
    {
        var response = await Api.PostAsync("/auth/logout");

        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(response.String("status"), Is.EqualTo("fail"));
        Assert.That(response.String("message"), Is.EqualTo("Provide a valid auth token."));
    }

    [Test]
    public async Task Other_tokens_of_the_same_user_still_work()
    {
        var name = UniqueName();
        var first = await Api.RegisterAsync(name);
        var second = await Api.LoginAsync($"{name}@example.com", "password-123");

        await Api.PostAsync("/auth/logout", token: first);

        Assert.That((await Api.GetAsync("/user/me", second)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_table_keeps_the_token_id_and_expiry_never_the_token()
    {
        var token = await Api.RegisterAsync(UniqueName());
        await Api.PostAsync("/auth/logout", token: token);

        using var scope = Factory.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDb>().RevokedTokens.ToListAsync();

        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r.Jti), Has.None.Contains("."), "a JWT has dots; a jti has none");
        Assert.That(rows.Select(r => r.Jti.Length), Is.All.EqualTo(32));
        Assert.That(rows.Select(r => r.ExpiresOn), Is.All.GreaterThan(DateTime.UtcNow));
    }

    [Test]
    public async Task Concurrent_logouts_of_one_token_leave_one_row_and_no_error()
    {
        var token = await Api.RegisterAsync(UniqueName());
        int before;
        using (var scope = Factory.Services.CreateScope())
            before = await scope.ServiceProvider.GetRequiredService<AppDb>().RevokedTokens.CountAsync();

        var statuses = (await Concurrently.RunAsync(50, _ => Api.PostAsync("/auth/logout", token: token))).Select(r => r.Status).ToList();

        Assert.That(statuses, Has.All.AnyOf(200, 401), string.Join(",", statuses));
        Assert.That(statuses, Has.Some.EqualTo(200));
        using (var scope = Factory.Services.CreateScope())
            Assert.That(await scope.ServiceProvider.GetRequiredService<AppDb>().RevokedTokens.CountAsync(), Is.EqualTo(before + 1));
    }
}

/// <summary>The blacklist lives in the database: a restarted host still refuses a revoked token.</summary>
[OnEachDatabase]
public class RevocationSurvivesRestartTests(DatabaseKind kind)
{
    [Test]
    public async Task A_revoked_token_stays_revoked_after_a_restart()
    {
        using var database = TestDatabase.Create(kind);
        string token;
        using (var first = new ApiFactory(database: database))
        {
            var api = first.CreateApi();
            token = await api.RegisterAsync("restart");
            Assert.That((await api.PostAsync("/auth/logout", token: token)).Status, Is.EqualTo(200));
        }

        ApiResponse response;
        using (var second = new ApiFactory(database: database))
            response = await second.CreateApi().GetAsync("/user/me", token);

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.String("message"), Is.EqualTo("Token blacklisted. Please log in again."));
    }
}
