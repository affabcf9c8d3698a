using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Audit;

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
    public async Task The_second_factor_and_the_device_list_are_audited_and_no_log_line_holds_a_secret_or_code()
    {
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(logs: logs, kind: kind) { Settings = { ["Logging:LogLevel:Default"] = "Trace" } };
        var api = factory.CreateApi();
        var admin = await factory.CreateAdminAsync("mfaauditor");
        var token = await api.RegisterAsync("factored");
        var publicId = (await api.GetAsync("/user/me", token)).String("public_id");
        var secret = (await api.PostAsync("/user/me/mfa/totp", new { password = "password-123" }, token)).String("secret");
        var step = Rfc6238.StepAt(DateTimeOffset.UtcNow);
        var codes = (await api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.CodeAtStep(secret, step - 1) }, token)).Body["recovery_codes"]!
            .AsArray().Select(c => c!.GetValue<string>()).ToList();
        var mfaToken = (await api.PostAsync("/auth/login", new { email = "factored@example.com", password = "password-123" })).String("mfa_token");
        var second = await api.PostAsync("/auth/login/mfa", new { mfa_token = mfaToken, recovery_code = codes[0] });
        await api.SendAsync(HttpMethod.Delete, $"/user/me/sessions/{new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).GetClaim("sid").Value}",
            token: second.String("Authorization"));
        await api.PostAsync("/auth/logout-others", token: second.String("Authorization"));
        await api.SendAsync(HttpMethod.Delete, $"/user/{publicId}/mfa", token: admin);

        var lines = logs.Lines.ToList();
        foreach (var leaked in codes.Append(secret).Append(mfaToken).Append(Rfc6238.CodeAtStep(secret, step - 1)))
            Assert.That(lines, Has.None.Contains(leaked), $"a log line holds {leaked[..4]}…");
        var audit = lines.Where(l => l.Contains("audit ", StringComparison.Ordinal)).ToList();
        foreach (var kind in new[] { "two-factor sign-in enabled", "second factor pending", "recovery code used", "session ended",
                     "other sessions ended", "action=reset two-factor", "two-factor sign-in removed" })
            Assert.That(audit, Has.Some.Contains(kind).And.Some.Contains($"user={publicId}"), kind);
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
