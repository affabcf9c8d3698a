using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;
using Microsoft.Playwright;
using static Boilerplate.Tests.Browser.AccountPage;

namespace Boilerplate.Tests.Browser;

/// <summary>
/// One deployment serves every client: the output of <c>dotnet publish</c> alone, started as
/// docs/deploy.md says on production's defaults (its bcrypt cost, rate limits and body tokens;
/// no token-cookie setting anywhere), with a real SMTP server. The account pages' whole journey
/// runs in Chromium while an API client uses bearer tokens on the same host.
/// </summary>
[NonParallelizable]
public class PublishedDeploymentTests
{
    private const string AdminPassword = "admin-password-1";

    private SmtpServer smtp = null!;
    private TestDatabase database = null!;
    private Chromium.Launched chromium = null!;
    private HostProcess.Serving host = null!;
    private string published = null!;
    private string baseUrl = null!;
    private readonly List<IPage> pages = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        chromium = await Chromium.LaunchAsync();
        smtp = SmtpServer.Start();
        published = await PublishedHost.FolderAsync();
        database = new SqliteTestDatabase();
        var port = LoopbackPort.Free();
        baseUrl = $"http://localhost:{port}";

        // A migration job carries the database and nothing else: no secret, mail server or public URL.
        var migrated = await RunAsync(["db", "upgrade"], new() { ["BOILERPLATE_ENV"] = "prod", ["DATABASE_URL"] = database.Url });
        Assert.That(migrated.ExitCode, Is.EqualTo(0), migrated.Error);

        host = await HostProcess.ServeCommandAsync(["dotnet", Path.Combine(published, "Boilerplate.Host.dll")], new()
        {
            ["BOILERPLATE_ENV"] = "prod",
            ["SECRET_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["DATABASE_URL"] = database.Url,
            ["SMTP_URL"] = smtp.Url,
            ["App__PublicUrl"] = baseUrl,
            ["ASPNETCORE_HTTP_PORTS"] = $"{port}",
            // Plain HTTP on loopback, as docs/deploy.md shows for a host with nothing in front.
            ["Https__Redirect"] = "false",
        }, $"{baseUrl}/health/live", Path.GetTempPath());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        if (host is not null) await host.DisposeAsync();
        database?.Dispose();
        smtp?.Dispose();
    }

    [TearDown]
    public Task ClosePages() => AccountPage.CloseAllAsync(pages);

    [Test]
    public async Task The_account_pages_whole_journey_works_beside_a_bearer_client_on_one_published_host()
    {
        // An API client, as the seed's clients are: tokens in the body, no cookies.
        using var apiClient = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var registered = await apiClient.PostAsJsonAsync("/user", new { email = "api@example.com", username = "api", password = Password });
        var apiSession = await Json(registered);
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), apiSession.ToJsonString());
        Assert.That(registered.Headers.Contains("Set-Cookie"), Is.False);
        var bearer = apiSession["Authorization"]!.GetValue<string>();

        // Sign up, and the mailed link verifies the address.
        var page = await NewPageAsync(withAuthenticator: true);
        await SignUpAsync(page, "ada@example.com", "ada");
        await page.GotoAsync(SmtpServer.LinkFrom((await smtp.WaitForAsync("ada@example.com", "Confirm your email")).Single()));
        await page.GetByText("Your email address is verified.").WaitForAsync();

        // Signed out, a wrong password shows the server's own message; then the right one signs in.
        await page.GotoAsync("/account/");
        await SignOutAsync(page);
        await FillSignInAsync(page, "ada@example.com", "not-the-password");
        await page.GetByText("email or password does not match.").WaitForAsync();
        await SignInAsync(page, "ada@example.com", Password);
        Assert.That(await Region(page, "Email").InnerTextAsync(), Does.Contain("Verified"));
        Assert.That(await page.EvaluateAsync<string>("document.cookie"), Does.Not.Contain("ss-tok"), "no page script can read the tokens");

        // The sessions list ends a session signed in elsewhere.
        var elsewhere = await NewPageAsync();
        await SignInAsync(elsewhere, "ada@example.com", Password);
        await page.ReloadAsync();
        var sessions = Region(page, "Sessions").GetByTestId("session");
        await sessions.Nth(1).WaitForAsync();
        await sessions.Filter(new() { HasNotText = "This device" }).GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await sessions.Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await elsewhere.ReloadAsync();
        await Heading(elsewhere, "Sign in").WaitForAsync();

        // A passkey, then two-factor sign-in: the password now asks for a code, the passkey does not.
        var passkeys = Region(page, "Passkeys");
        await passkeys.GetByRole(AriaRole.Button, new() { Name = "Add a passkey", Exact = true }).ClickAsync();
        await passkeys.GetByTestId("passkey").WaitForAsync();
        var secret = await TurnOnTwoFactorAsync(page);
        await SignOutAsync(page);
        await FillSignInAsync(page, "ada@example.com", Password);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Rfc6238.Code(secret));
        await Button(page, "Verify").ClickAsync();
        await Heading(page, "Your account").WaitForAsync();
        await SignOutAsync(page);
        await Button(page, "Sign in with a passkey").ClickAsync();
        await Heading(page, "Your account").WaitForAsync();

        // Meanwhile the API client's bearer token and body refresh work as ever.
        var me = await SendAsync(apiClient, HttpMethod.Get, "/user/me", bearer);
        Assert.That(me["username"]!.GetValue<string>(), Is.EqualTo("api"));
        using var refreshed = await apiClient.PostAsJsonAsync("/access-token", new { refreshToken = apiSession["refreshToken"]!.GetValue<string>() });
        var renewal = await Json(refreshed);
        Assert.That(renewal["accessToken"]!.GetValue<string>(), Does.StartWith("eyJ"), renewal.ToJsonString());
        Assert.That(refreshed.Headers.Contains("Set-Cookie"), Is.False);

        // A forgotten password is reset through its mailed link, which signs in.
        var forgetful = await NewPageAsync();
        await SignUpAsync(forgetful, "grace@example.com", "grace");
        await SignOutAsync(forgetful);
        await forgetful.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Heading(forgetful, "Forgot your password?").WaitForAsync();
        await forgetful.GetByLabel("Email", new() { Exact = true }).FillAsync("grace@example.com");
        await Button(forgetful, "Send reset link").ClickAsync();
        await forgetful.GotoAsync(SmtpServer.LinkFrom((await smtp.WaitForAsync("grace@example.com", "password")).Single()));
        await forgetful.GetByLabel("New password", new() { Exact = true }).FillAsync("a-brand-new-password");
        await Button(forgetful, "Set new password").ClickAsync();
        await Heading(forgetful, "Your account").WaitForAsync();

        // An admin, made with the published command line, locks and unlocks a user from the admin page.
        var made = await RunAsync(["create-admin", "--email", "admin@example.com", "--username", "admin"], new()
        {
            ["BOILERPLATE_ENV"] = "prod",
            ["DATABASE_URL"] = database.Url,
            ["SECRET_KEY"] = "a-long-random-production-secret-for-create-admin-1f2e",
            ["BOILERPLATE_ADMIN_PASSWORD"] = AdminPassword,
        });
        Assert.That(made.ExitCode, Is.EqualTo(0), made.Error);
        var admin = await NewPageAsync();
        await SignInAsync(admin, "admin@example.com", AdminPassword);
        await admin.GotoAsync("/account/admin/users");
        await admin.GetByLabel("Search", new() { Exact = true }).FillAsync("grace");
        await Button(admin, "Search").ClickAsync();
        var row = admin.Locator("tr[data-email='grace@example.com']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await row.GetByText("locked", new() { Exact = true }).WaitForAsync();
        await forgetful.ReloadAsync();
        await Heading(forgetful, "Sign in").WaitForAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true }).ClickAsync();
        await row.GetByText("locked", new() { Exact = true }).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The API client's session was never touched, and its logout revokes only its own token.
        using var loggedOut = await SendRawAsync(apiClient, HttpMethod.Post, "/auth/logout", renewal["accessToken"]!.GetValue<string>());
        Assert.That((int)loggedOut.StatusCode, Is.EqualTo(200));
        await page.ReloadAsync();
        await Heading(page, "Your account").WaitForAsync();
    }

    [Test]
    public async Task Every_link_in_every_mail_opens_a_page_of_the_same_deployment()
    {
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var registered = await api.PostAsJsonAsync("/user", new { email = "links@example.com", username = "links", password = Password });
        var token = (await Json(registered))["Authorization"]!.GetValue<string>();
        using var forgot = await api.PostAsJsonAsync("/auth/forgot-password", new { email = "links@example.com" });
        using var move = new HttpRequestMessage(HttpMethod.Put, "/user/me/email") { Content = JsonContent.Create(new { new_email = "links-moved@example.com", password = Password }) };
        move.Headers.Authorization = new("Bearer", token);
        using var moved = await api.SendAsync(move);
        Assert.That((int)moved.StatusCode, Is.EqualTo(202));

        var mails = (await smtp.WaitForAsync("links@example.com", count: 3)).Concat(await smtp.WaitForAsync("links-moved@example.com")).ToList();
        var links = mails.SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m.TextBody ?? "", @"https?://\S+").Select(l => l.Value)).Distinct().ToList();

        Assert.That(links, Has.Count.GreaterThanOrEqualTo(3), "verification, reset and email change");
        foreach (var link in links)
        {
            Assert.That(link, Does.StartWith(baseUrl + "/account/"));
            using var opened = await api.GetAsync(link);
            Assert.That((int)opened.StatusCode, Is.EqualTo(200), link);
            Assert.That(opened.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"), link);
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, Dictionary<string, string?> environment) =>
        HostProcess.RunCommandAsync(["dotnet", Path.Combine(published, "Boilerplate.Host.dll"), .. args], environment, Path.GetTempPath());

    private async Task<IPage> NewPageAsync(bool withAuthenticator = false)
    {
        var page = await AccountPage.OpenAsync(chromium.Browser, baseUrl, withAuthenticator);
        pages.Add(page);
        return page;
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, string token)
    {
        using var response = await SendRawAsync(http, method, path, token);
        var body = await Json(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
        return body;
    }

    private static Task<HttpResponseMessage> SendRawAsync(HttpClient http, HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : JsonContent.Create(new { }) };
        request.Headers.Authorization = new("Bearer", token);
        return http.SendAsync(request);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
