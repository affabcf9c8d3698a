using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Auth;

/// <summary>Every security event is logged with who and from where, and no log line ever holds a secret.</summary>
[OnEachDatabase]
public class AuditLogTests(DatabaseKind kind)
{
    [Test]
    public async Task A_whole_session_is_audited_and_no_log_line_holds_a_password_token_or_hash()
    {
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(logs: logs, kind: kind)
        {
            Settings =
            {
                ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:LinqToDB"] = "Trace", ["Logging:LogLevel:FluentMigrator"] = "Trace",
            },
        };
        var api = factory.CreateApi();
        var admin = await factory.CreateAdminAsync("auditor");
        var secrets = new List<string> { "Sup3r-secret-pass", "An0ther-secret-pass", "admin-password-1" };

        var registered = await api.PostAsync("/user", new { email = "watched@example.com", username = "watched", password = secrets[0] });
        var login = await api.PostAsync("/auth/login", new { email = "watched@example.com", password = secrets[0] });
        await api.PostAsync("/auth/login", new { email = "watched@example.com", password = "Wr0ng-guess-pass" });
        secrets.Add("Wr0ng-guess-pass");
        var refreshed = await api.PostAsync("/access-token", new { refreshToken = login.String("refreshToken") });
        await api.PostAsync("/access-token", new { refreshToken = login.String("refreshToken") }); // a replay
        var changed = await api.SendAsync(HttpMethod.Put, "/user/me/password",
            Api.Json(new { current_password = secrets[0], new_password = secrets[1] }), registered.String("Authorization"));
        var publicId = (await api.GetAsync("/user/me", changed.String("Authorization"))).String("public_id");
        await api.PostAsync($"/user/{publicId}/lock", token: admin);
        await api.PostAsync($"/user/{publicId}/unlock", token: admin);
        var again = await api.LoginAsync("watched@example.com", secrets[1]);
        await api.PostAsync("/auth/logout-all", token: again);
        await api.GetAsync("/user/me", again);  // refused: its stamp is outdated
        await api.PostAsync("/auth/logout", token: await api.LoginAsync("watched@example.com", secrets[1]));

        secrets.AddRange([registered.String("Authorization"), registered.String("refreshToken"), login.String("Authorization"),
            login.String("refreshToken"), refreshed.String("accessToken"), refreshed.String("refreshToken"), again, admin]);
        using (var scope = factory.Services.CreateScope())
            secrets.AddRange(await scope.ServiceProvider.GetRequiredService<AppDb>().Users.Select(u => u.PasswordHash).ToListAsync());
        var lines = logs.Lines.ToList();

        Assert.That(lines, Has.Count.GreaterThan(50), "Trace-level output of the whole session was captured");
        foreach (var secret in secrets)
            Assert.That(lines, Has.None.Contains(secret), $"a log line holds a secret starting {secret[..6]}");
        foreach (var token in secrets.Where(s => s.StartsWith("eyJ", StringComparison.Ordinal)))
            Assert.That(lines, Has.None.Contains(token.Split('.')[2]), "no JWT signature either");

        var audit = lines.Where(l => l.Contains("audit ", StringComparison.Ordinal)).ToList();
        foreach (var kind in new[] { "sign-in succeeded", "sign-in failed", "token refreshed", "refresh token reused", "password changed",
                     "admin action admin=", "action=lock", "action=unlock", "logged out everywhere", "logged out user=" })
            Assert.That(audit, Has.Some.Contains(kind), kind);
        Assert.That(audit.Where(l => l.Contains("password changed", StringComparison.Ordinal)), Has.All.Contains($"user={publicId}"));
    }

    [Test]
    public async Task A_lockout_is_audited()
    {
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(logs: logs, kind: kind);
        var api = factory.CreateApi();
        await api.RegisterAsync("hammered");
        for (var i = 0; i < 5; i++)
            await api.PostAsync("/auth/login", new { email = "hammered@example.com", password = "wrong-password" });

        Assert.That(logs.Lines, Has.Some.Contains("audit locked out user="));
    }
}
