using Boilerplate.Tests.Support;
using Microsoft.Playwright;

namespace Boilerplate.Tests.Browser;

/// <summary>What a person does on the account pages, and how a test finds things there: shared by the browser fixtures.</summary>
public static class AccountPage
{
    public const string Password = "password-123";

    /// <summary>A page in a browser context of its own (its own cookies), optionally with Chromium's virtual authenticator.</summary>
    public static async Task<IPage> OpenAsync(IBrowser browser, string baseUrl, bool withAuthenticator = false, bool bypassCsp = false)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1100, Height = 900 }, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        if (withAuthenticator)
        {
            // A platform authenticator that holds discoverable credentials and verifies its user.
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("WebAuthn.enable");
            await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
                },
            });
        }
        return page;
    }

    /// <summary>Closes every page's context; after a failed test, leaves a picture of each first.</summary>
    public static async Task CloseAllAsync(List<IPage> pages)
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed;
        for (var i = 0; i < pages.Count; i++)
        {
            if (failed)
                await pages[i].ScreenshotAsync(new() { Path = Chromium.Screenshot($"failed-{TestContext.CurrentContext.Test.MethodName}-{i}"), FullPage = true });
            await pages[i].Context.CloseAsync();
        }
        pages.Clear();
    }

    public static async Task SignUpAsync(IPage page, string email, string username)
    {
        await page.GotoAsync("/account/sign-up");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Username", new() { Exact = true }).FillAsync(username);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await Button(page, "Create account").ClickAsync();
        await Heading(page, "Your account").WaitForAsync();
    }

    public static async Task FillSignInAsync(IPage page, string email, string password)
    {
        if (!page.Url.Contains("/account/sign-in", StringComparison.Ordinal))
            await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Button(page, "Sign in").ClickAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await FillSignInAsync(page, email, password);
        await Heading(page, "Your account").WaitForAsync();
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Heading(page, "Sign in").WaitForAsync();
    }

    /// <summary>Turns two-factor sign-in on from the profile, as a person with an authenticator app would; answers the key.</summary>
    public static async Task<string> TurnOnTwoFactorAsync(IPage page)
    {
        var section = Region(page, "Two-factor sign-in");
        await section.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await section.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor" }).ClickAsync();
        await section.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" }).WaitForAsync();
        var secret = (await section.GetByTestId("totp-secret").InnerTextAsync()).Trim();
        Assert.That(await section.GetByRole(AriaRole.Link, new() { Name = "Open in an authenticator app on this device" }).GetAttributeAsync("href"),
            Does.StartWith("otpauth://totp/").And.Contain($"secret={secret}"), "the key as a link, for people who cannot scan");
        await section.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-two-factor-set-up") });

        // The previous step's code: the sign-in that follows may then use the current one.
        await section.GetByLabel("Code", new() { Exact = true }).FillAsync(Rfc6238.Code(secret, offset: -1));
        await section.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor" }).ClickAsync();
        await section.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" }).WaitForAsync();
        Assert.That(await section.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem).CountAsync(), Is.EqualTo(10));
        await section.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-recovery-codes") });
        return secret;
    }

    public static ILocator Region(IPage page, string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    public static ILocator Heading(IPage page, string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    public static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
