using Boilerplate.Tests.Support;
using Microsoft.Playwright;

namespace Boilerplate.Tests.Browser;

/// <summary>
/// The account pages keep a person signed in past their access token's end: the host here issues
/// 2-second access tokens, and the stock client renews them through the HttpOnly refresh cookie.
/// </summary>
[NonParallelizable]
public class AccountPagesRenewalBrowserTests
{
    private RunningHost host = null!;
    private Chromium.Launched chromium = null!;
    private IBrowser browser => chromium.Browser;

    [OneTimeSetUp]
    public async Task Start()
    {
        chromium = await Chromium.LaunchAsync();
        host = await RunningHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Auth__AccessTokenLifetime"] = "00:00:02",
            ["Auth__ClockSkew"] = "00:00:00",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        if (host is not null) await host.DisposeAsync();
    }

    [Test]
    public async Task The_profile_still_loads_after_two_access_tokens_have_expired()
    {
        var context = await browser.NewContextAsync(new() { BaseURL = $"http://localhost:{host.Port}" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-up");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("renewed@example.com");
        await page.GetByLabel("Username", new() { Exact = true }).FillAsync("renewed");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("password-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account", Exact = true }).ClickAsync();
        await YourAccount(page).WaitForAsync();
        var first = await AccessTokenAsync(context);

        for (var expiry = 1; expiry <= 2; expiry++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            await page.ReloadAsync();
            await YourAccount(page).WaitForAsync();
            Assert.That(page.Url, Does.Not.Contain("sign-in"), $"signed in after expiry {expiry}");
        }

        Assert.That(await AccessTokenAsync(context), Is.Not.EqualTo(first), "renewed through the refresh cookie");
        await context.CloseAsync();
    }

    private static ILocator YourAccount(IPage page) => page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 });

    private static async Task<string?> AccessTokenAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).SingleOrDefault(c => c.Name == "ss-tok")?.Value;
}
