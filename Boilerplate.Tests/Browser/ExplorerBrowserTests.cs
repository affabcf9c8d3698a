using Boilerplate.Tests.Support;
using Microsoft.Playwright;

namespace Boilerplate.Tests.Browser;

/// <summary>
/// The explorer and /metadata in a real browser: Debian's Chromium driven by Playwright, against
/// the built host on a loopback port. Screenshots go to TestResults/screenshots/.
/// </summary>
[NonParallelizable]
public class ExplorerBrowserTests
{
    private static readonly string Screenshots = Chromium.Screenshots;

    private RunningHost host = null!;
    private Chromium.Launched chromium = null!;
    private IBrowser browser => chromium.Browser;

    [OneTimeSetUp]
    public async Task Start()
    {
        chromium = await Chromium.LaunchAsync();
        host = await RunningHost.StartAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        if (host is not null) await host.DisposeAsync();
    }

    [Test]
    public async Task The_explorer_lists_every_operation_under_the_user_and_auth_tags()
    {
        var page = await OpenExplorerAsync();

        foreach (var tag in new[] { "user", "auth" })
            Assert.That(await page.Locator($"#operations-tag-{tag}").IsVisibleAsync(), Is.True, tag);
        var userOperations = await page.Locator(".opblock-tag-section:has(#operations-tag-user) .opblock-summary-path").AllInnerTextsAsync();
        var authOperations = await page.Locator(".opblock-tag-section:has(#operations-tag-auth) .opblock-summary-path").AllInnerTextsAsync();
        Assert.That(userOperations.Select(Clean), Is.SupersetOf(new[] { "/user", "/user/{public_id}", "/user/me", "/user/me/password" }));
        Assert.That(authOperations.Select(Clean), Is.SupersetOf(new[] { "/auth/login", "/auth/logout", "/access-token", "/auth/logout-all" }));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "explorer.png"), FullPage = true });
    }

    [Test]
    public async Task Registering_and_then_calling_me_with_the_token_works_in_the_explorer()
    {
        var page = await OpenExplorerAsync();

        var register = await ExecuteAsync(page, "operations-user-CreateUser",
            """{"email":"explorer@example.com","username":"explorer","password":"password-123"}""");
        Assert.That(await StatusOf(register), Is.EqualTo("201"));
        var body = await register.Locator(".live-responses-table tr.response .response-col_description pre").First.InnerTextAsync();
        Assert.That(body, Does.Contain("\"Authorization\""));
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("Authorization").GetString()!;
        await register.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "explorer-register.png") });

        await page.Locator(".auth-wrapper .authorize").ClickAsync();
        await page.Locator(".modal-ux input").First.FillAsync(token);
        await page.Locator(".modal-ux .auth-btn-wrapper .authorize").ClickAsync();
        await page.Locator(".modal-ux .btn-done").ClickAsync();

        var me = await ExecuteAsync(page, "operations-user-GetCurrentUser", body: null);
        Assert.That(await StatusOf(me), Is.EqualTo("200"));
        Assert.That(await me.Locator(".live-responses-table tr.response .response-col_description pre").First.InnerTextAsync(), Does.Contain("\"username\": \"explorer\""));
        await me.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "explorer-me.png") });
    }

    [Test]
    public async Task A_browser_signed_in_by_cookie_is_still_a_stranger_in_the_explorer_which_sends_only_the_pasted_token()
    {
        var context = await browser.NewContextAsync(new() { BaseURL = $"http://localhost:{host.Port}" });
        var elsewhere = await context.NewPageAsync();
        await elsewhere.GotoAsync("/metadata");
        var signedIn = await elsewhere.EvaluateAsync<int[]>("""
            async () => {
                const registered = await fetch('/user', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({ email: 'cookie@example.com', username: 'cookie_user', password: 'password-123', useTokenCookie: true }) });
                const me = await fetch('/user/me');
                return [registered.status, me.status];
            }
            """);
        Assert.That(signedIn, Is.EqualTo(new[] { 201, 200 }), "the browser holds a cookie session");

        var page = await context.NewPageAsync();
        await page.GotoAsync("/swagger-ui/");
        await page.Locator(".opblock").First.WaitForAsync();
        var me = await ExecuteAsync(page, "operations-user-GetCurrentUser", body: null);

        Assert.That(await StatusOf(me), Is.EqualTo("401"), "the explorer did not send the cookie");
        await context.CloseAsync();
    }

    [Test]
    public async Task The_explorer_runs_under_a_policy_that_allows_only_this_server()
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                refusals.Add(message.Text);
        };

        var response = await page.GotoAsync(host.BaseUrl + "/swagger-ui/");
        await page.Locator(".opblock").First.WaitForAsync();
        var users = await ExecuteAsync(page, "operations-user-GetUsers", body: null);

        Assert.That(await response!.HeaderValueAsync("content-security-policy"), Does.StartWith("default-src 'none'; script-src 'self';"));
        Assert.That(await StatusOf(users), Is.EqualTo("401"), "try-it-out calls the API under the policy");
        Assert.That(refusals, Is.Empty);
    }

    [Test]
    public async Task The_metadata_page_lists_every_operation()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(host.BaseUrl + "/metadata");

        Assert.That(response!.Status, Is.EqualTo(200));
        var text = await page.InnerTextAsync("body");
        foreach (var operation in new[] { "CreateUser", "GetUsers", "GetUser", "GetCurrentUser", "Login", "Logout", "GetAccessToken", "Authenticate",
                     "LogoutAll", "ChangePassword", "DeleteCurrentUser", "SetUserAdmin", "LockUser", "UnlockUser", "DeleteUser" })
            Assert.That(text, Does.Contain(operation));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "metadata.png"), FullPage = true });
    }

    private async Task<IPage> OpenExplorerAsync()
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(host.BaseUrl + "/");
        await page.Locator(".opblock").First.WaitForAsync();
        return page;
    }

    /// <summary>Opens an operation, fills its body if it has one, presses Execute and returns the operation's block.</summary>
    private static async Task<ILocator> ExecuteAsync(IPage page, string operationId, string? body)
    {
        var block = page.Locator($"#{operationId}");
        await block.Locator(".opblock-summary").ClickAsync();
        if (body is not null)
            await block.Locator("textarea.body-param__text").FillAsync(body);
        await block.Locator("button.execute").ClickAsync();
        await block.Locator(".live-responses-table tr.response .response-col_status").First.WaitForAsync();
        return block;
    }

    private static async Task<string> StatusOf(ILocator block) =>
        (await block.Locator(".live-responses-table tr.response .response-col_status").First.InnerTextAsync()).Trim();

    // Swagger UI breaks long paths with zero-width spaces.
    private static string Clean(string path) => path.Replace("\u200b", "", StringComparison.Ordinal).Trim();
}
