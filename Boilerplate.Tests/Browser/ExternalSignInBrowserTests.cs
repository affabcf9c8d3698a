using Boilerplate.Tests.ExternalSignIn;
using Boilerplate.Tests.Support;
using Microsoft.Playwright;
using static Boilerplate.Tests.Browser.AccountPage;

namespace Boilerplate.Tests.Browser;

/// <summary>
/// Signing in with an external OpenID Connect provider on the account pages, as people do it: Chromium
/// clicks the page's button, signs in (or says no) on the real test provider's own page, and comes back
/// through the host's callback to /account/external, which finishes the sign-in or the link.
/// </summary>
[NonParallelizable]
public class ExternalSignInBrowserTests
{
    private const string Provider = "testid";
    private TestOidcProvider provider = null!;
    private RunningHost host = null!;
    private Chromium.Launched chromium = null!;
    private string baseUrl = null!;
    private Api api = null!;
    private int counter;
    private readonly List<IPage> pages = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        chromium = await Chromium.LaunchAsync();
        // The provider must know the host's redirect URI before the host starts, so the port comes first.
        var port = LoopbackPort.Free();
        baseUrl = $"http://localhost:{port}";
        provider = await TestOidcProvider.StartAsync(("boilerplate", "client-secret-of-the-test", $"{baseUrl}/auth/{Provider}/callback"));
        host = await RunningHost.StartAsync(settings: new Dictionary<string, string>
        {
            [$"Auth__External__{Provider}__Authority"] = provider.Authority,
            [$"Auth__External__{Provider}__ClientId"] = "boilerplate",
            [$"Auth__External__{Provider}__ClientSecret"] = "client-secret-of-the-test",
            [$"Auth__External__{Provider}__DisplayName"] = "Test ID",
        }, port: port);
        api = new Api(new HttpClient { BaseAddress = new Uri(baseUrl) });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        if (host is not null) await host.DisposeAsync();
        if (provider is not null) await provider.DisposeAsync();
    }

    [TearDown]
    public Task ClosePages() => CloseAllAsync(pages);

    [Test]
    public async Task A_new_person_signs_in_with_the_provider_and_lands_on_their_account_with_the_providers_address()
    {
        var page = await NewPageAsync();
        var email = Email();

        await page.GotoAsync("/account/sign-in");
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-sign-in-providers") });
        await SignInWithProviderAsync(page, Sub(), email);

        await Heading(page, "Your account").WaitForAsync();
        Assert.That((await MeAsync(page))!.String("email"), Is.EqualTo(email));
        await Identities(page).First.WaitForAsync();
        Assert.That(await Identities(page).InnerTextAsync(), Does.Contain("Test ID").And.Contain(email));
        await Region(page, "Sign-in providers").ScreenshotAsync(new() { Path = Chromium.Screenshot("account-identities") });
    }

    [Test]
    public async Task A_page_that_asked_for_a_sign_in_is_where_the_provider_sign_in_lands()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/admin/users");
        await Heading(page, "Sign in").WaitForAsync();

        await SignInWithProviderAsync(page, Sub(), Email());

        await page.WaitForURLAsync($"{baseUrl}/account/admin/users");
        await page.GetByText("Only admins, and roles with the users.read permission, can see users.").WaitForAsync();
    }

    [Test]
    public async Task A_returning_person_lands_in_the_same_account()
    {
        var sub = Sub();
        var first = await NewPageAsync();
        await SignInWithProviderAsync(first, sub, Email());
        await Heading(first, "Your account").WaitForAsync();
        var account = (await MeAsync(first))!.String("public_id");

        var again = await NewPageAsync();
        await SignInWithProviderAsync(again, sub, Email());

        await Heading(again, "Your account").WaitForAsync();
        Assert.That((await MeAsync(again))!.String("public_id"), Is.EqualTo(account));
    }

    [Test]
    public async Task An_address_the_provider_did_not_verify_is_refused_and_makes_no_account()
    {
        var page = await NewPageAsync();
        var email = Email();

        await SignInWithProviderAsync(page, Sub(), email, verified: false);

        await page.GetByText("Test ID has not verified your email address").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-external-refused") });
        Assert.That(await MeAsync(page), Is.Null, "no one is signed in");
        Assert.That(await page.GetByRole(AriaRole.Link, new() { Name = "Back to sign in", Exact = true }).CountAsync(), Is.EqualTo(1));
        var registered = await api.PostAsync("/user", new { email, username = $"unverified{Interlocked.Increment(ref counter)}", password = Password });
        Assert.That(registered.Status, Is.EqualTo(201), "the address is still free: " + registered.Text);
    }

    [Test]
    public async Task An_account_with_a_second_factor_is_asked_for_its_code_after_the_provider_and_only_then_signed_in()
    {
        var page = await NewPageAsync();
        var (email, _) = await SignUpAsync(page, "extmfa");
        var secret = await TurnOnTwoFactorAsync(page);
        var sub = Sub();
        await LinkAsync(page, sub);
        await SignOutAsync(page);

        await SignInWithProviderAsync(page, sub, Email());

        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Rfc6238.Code(secret));
        Assert.That(await MeAsync(page), Is.Null, "not signed in before the code");
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-external-code") });
        await Button(page, "Verify").ClickAsync();
        await Heading(page, "Your account").WaitForAsync();
        Assert.That((await MeAsync(page))!.String("email"), Is.EqualTo(email));
    }

    [Test]
    public async Task A_password_account_links_the_provider_from_its_profile_and_then_signs_in_with_it()
    {
        var page = await NewPageAsync();
        var (email, _) = await SignUpAsync(page, "linker");
        var sub = Sub();

        await LinkAsync(page, sub);

        await page.GetByText("Test ID is linked: it signs you in from now on.").WaitForAsync();
        Assert.That(await Identities(page).CountAsync(), Is.EqualTo(1));
        Assert.That(await Region(page, "Sign-in providers").GetByRole(AriaRole.Link, new() { Name = "Link Test ID" }).CountAsync(), Is.Zero, "linked already");
        await SignOutAsync(page);
        await SignInWithProviderAsync(page, sub, Email());
        await Heading(page, "Your account").WaitForAsync();
        Assert.That((await MeAsync(page))!.String("email"), Is.EqualTo(email));
    }

    [Test]
    public async Task Unlinking_the_last_way_in_is_refused_with_the_reason()
    {
        var page = await NewPageAsync();
        await SignInWithProviderAsync(page, Sub(), Email());
        await Identities(page).First.WaitForAsync();

        await Identities(page).GetByRole(AriaRole.Button, new() { Name = "Unlink", Exact = true }).ClickAsync();

        await Region(page, "Sign-in providers").GetByText("Test ID is your only way in").WaitForAsync();
        await page.ReloadAsync();
        await Identities(page).First.WaitForAsync();
        Assert.That(await Identities(page).CountAsync(), Is.EqualTo(1), "still linked");
    }

    [Test]
    public async Task Unlinking_from_a_password_account_removes_the_provider()
    {
        var page = await NewPageAsync();
        await SignUpAsync(page, "unlinker");
        await LinkAsync(page, Sub());

        await Identities(page).GetByRole(AriaRole.Button, new() { Name = "Unlink", Exact = true }).ClickAsync();

        var section = Region(page, "Sign-in providers");
        await section.GetByText("No providers linked yet.").WaitForAsync();
        var token = await TokenAsync(page);
        Assert.That((await api.GetAsync("/user/me/identities", token)).Body["results"]!.AsArray(), Is.Empty);
        Assert.That(await section.GetByRole(AriaRole.Link, new() { Name = "Link Test ID" }).CountAsync(), Is.EqualTo(1), "it may be linked again");
    }

    [Test]
    public async Task Deny_at_the_provider_ends_on_the_page_saying_the_person_did_not_allow_it()
    {
        var page = await NewPageAsync();
        await StartAtProviderAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true }).ClickAsync();

        await page.GetByText("You did not allow Test ID to sign you in.").WaitForAsync();
        Assert.That(page.Url, Does.StartWith($"{baseUrl}/account/external").And.Contain("error=access_denied"));
        Assert.That(await MeAsync(page), Is.Null);
    }

    [Test]
    public async Task A_forged_callback_ends_on_the_page_saying_start_again_never_on_an_error_page()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync($"/auth/{Provider}/callback?code=x&state=y");

        await page.GetByText("The sign-in with Test ID did not go through. Start again.").WaitForAsync();
        Assert.That(response!.Status, Is.EqualTo(200));
        Assert.That(page.Url, Does.StartWith($"{baseUrl}/account/external").And.Contain("error=failed"));
        Assert.That(await MeAsync(page), Is.Null);
    }

    [Test]
    public async Task The_pages_with_a_provider_have_no_serious_or_critical_accessibility_violation()
    {
        // axe is added as a script of the page's own, which the pages' CSP would refuse.
        var page = await NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test ID" }).WaitForAsync();
        Assert.That(await AxeAsync(page), Is.Empty, "sign-in");

        await page.GotoAsync($"/account/external?provider={Provider}&error=access_denied");
        await page.GetByText("You did not allow Test ID to sign you in.").WaitForAsync();
        Assert.That(await AxeAsync(page), Is.Empty, "the page a provider returns to");

        await SignInWithProviderAsync(page, Sub(), Email());
        await Identities(page).First.WaitForAsync();
        Assert.That(await AxeAsync(page), Is.Empty, "the profile with its providers");
    }

    /// <summary>
    /// The page as axe sees it, once the caller has waited for what it shows (not for the network to
    /// go idle: a signed-out page's unread 401 from GetCurrentUser keeps a request open).
    /// </summary>
    private static async Task<string[]> AxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(RepositoryRoot.Path, "clients", "web", "node_modules", "axe-core", "axe.min.js") });
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
              .filter(v => v.impact === "serious" || v.impact === "critical")
              .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)
            """);
    }

    private async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        var page = await OpenAsync(chromium.Browser, baseUrl, bypassCsp: bypassCsp);
        pages.Add(page);
        return page;
    }

    /// <summary>From the sign-in page's button to the provider's own page.</summary>
    private async Task StartAtProviderAsync(IPage page)
    {
        if (!page.Url.Contains("/account/sign-in", StringComparison.Ordinal))
            await page.GotoAsync("/account/sign-in");
        await ToProviderAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test ID", Exact = true }));
    }

    private async Task SignInWithProviderAsync(IPage page, string sub, string email, bool verified = true)
    {
        await StartAtProviderAsync(page);
        await AtProviderAsync(page, sub, email, verified);
    }

    /// <summary>"Link Test ID" on the profile, signed in at the provider, back on the profile with the identity listed.</summary>
    private async Task LinkAsync(IPage page, string sub)
    {
        await ToProviderAsync(page, Region(page, "Sign-in providers").GetByRole(AriaRole.Link, new() { Name = "Link Test ID", Exact = true }));
        await AtProviderAsync(page, sub, Email());
        await Heading(page, "Your account").WaitForAsync();
        await Identities(page).First.WaitForAsync();
    }

    private async Task ToProviderAsync(IPage page, ILocator link)
    {
        // The provider keeps its own session: without forgetting it, it would sign the last person in again unasked.
        await page.Context.ClearCookiesAsync(new() { Domain = provider.Issuer.Host });
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(provider.Authority, StringComparison.Ordinal));
    }

    private static async Task AtProviderAsync(IPage page, string sub, string email, bool verified = true)
    {
        await page.Locator("#sub").FillAsync(sub);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#name").FillAsync("Test Person");
        await page.Locator("#email_verified").SetCheckedAsync(verified);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Who the page's cookies sign in as, or null.</summary>
    private async Task<ApiResponse?> MeAsync(IPage page)
    {
        var token = await TokenAsync(page);
        if (token is null)
            return null;
        var me = await api.GetAsync("/user/me", token);
        return me.Status == 200 ? me : null;
    }

    private static async Task<string?> TokenAsync(IPage page) =>
        (await page.Context.CookiesAsync()).FirstOrDefault(c => c.Name == "ss-tok")?.Value;

    private static ILocator Identities(IPage page) => Region(page, "Sign-in providers").GetByTestId("identity");

    private async Task<(string Email, string Username)> SignUpAsync(IPage page, string prefix)
    {
        var username = $"{prefix}{Interlocked.Increment(ref counter)}";
        await AccountPage.SignUpAsync(page, $"{username}@example.com", username);
        return ($"{username}@example.com", username);
    }

    private static string Sub() => Guid.NewGuid().ToString("N");

    private static string Email() => $"ext-{Guid.NewGuid():N}@provider.example";
}
