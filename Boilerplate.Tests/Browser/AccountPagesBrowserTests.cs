using Boilerplate.Tests.Support;
using Microsoft.Playwright;
using static Boilerplate.Tests.Browser.AccountPage;

namespace Boilerplate.Tests.Browser;

/// <summary>
/// The account pages (clients/web) as people use them: Debian's Chromium driven by Playwright
/// against the built host on its defaults, on http://localhost (browsers allow passkeys there, not
/// on an IP address), with mail delivered to a real SMTP server. Every page is screenshotted into
/// TestResults/screenshots/account-*.png.
/// </summary>
[NonParallelizable]
public class AccountPagesBrowserTests
{
    private SmtpServer smtp = null!;
    private TestDatabase database = null!;
    private RunningHost host = null!;
    private Chromium.Launched chromium = null!;
    private IBrowser browser => chromium.Browser;
    private string baseUrl = null!;
    private int counter;
    private readonly List<IPage> pages = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        chromium = await Chromium.LaunchAsync();
        smtp = SmtpServer.Start();
        database = TestDatabase.Create(DatabaseKind.Sqlite);
        host = await RunningHost.StartAsync(database, new Dictionary<string, string>
        {
            ["SMTP_URL"] = smtp.Url,
        });
        baseUrl = $"http://localhost:{host.Port}";
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        if (host is not null) await host.DisposeAsync();
        database?.Dispose();
        smtp?.Dispose();
    }

    /// <summary>A failed test leaves a picture of each page it had open; every test's browser contexts close.</summary>
    [TearDown]
    public Task ClosePages() => AccountPage.CloseAllAsync(pages);

    [Test]
    public async Task A_new_account_verifies_its_address_through_the_mailed_link_then_signs_out_and_in_again()
    {
        var page = await NewPageAsync();
        var (email, _) = await SignUpAsync(page, "newcomer");
        Assert.That(await Region(page, "Email").InnerTextAsync(), Does.Contain(email).And.Contain("Not verified"));
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-profile-unverified"), FullPage = true });

        var mail = (await smtp.WaitForAsync(email, "Confirm your email")).Single();
        await page.GotoAsync(SmtpServer.LinkFrom(mail));
        await page.GetByText("Your email address is verified.").WaitForAsync();
        Assert.That(page.Url, Does.Not.Contain("token="), "the token is taken out of the address bar");
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-verify-email") });

        await page.GetByRole(AriaRole.Link, new() { Name = "Go to your account" }).ClickAsync();
        await Region(page, "Email").GetByText("Verified", new() { Exact = true }).WaitForAsync();
        await SignOutAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-sign-in") });
        await SignInAsync(page, email, Password);
        Assert.That(await Region(page, "Email").InnerTextAsync(), Does.Contain("Verified"));
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-profile"), FullPage = true });
    }

    [Test]
    public async Task Signed_out_a_wrong_password_shows_the_servers_own_message()
    {
        var page = await NewPageAsync();
        var (email, _) = await SignUpAsync(page, "mistyped");
        await SignOutAsync(page);

        await FillSignInAsync(page, email, "not-the-password");

        // Nothing renews a session on a sign-in's 401: the answer shown is the server's.
        await page.GetByText("email or password does not match.").WaitForAsync();
        Assert.That(await page.GetByText("refreshToken is required.").CountAsync(), Is.Zero);
        Assert.That(page.Url, Does.Contain("/account/sign-in"));
    }

    [Test]
    public async Task Sign_up_shows_the_servers_field_errors_beside_their_fields()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-up");

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("short-password@example.com");
        await page.GetByLabel("Username", new() { Exact = true }).FillAsync("shortpassword");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await Button(page, "Create account").ClickAsync();

        // ServiceStack's inputs point at their error with aria-describedby.
        var passwordError = page.Locator("#password-error");
        await passwordError.WaitForAsync();
        Assert.That(await passwordError.InnerTextAsync(), Does.Contain("8"));
        Assert.That(await page.GetByLabel("Password", new() { Exact = true }).GetAttributeAsync("aria-describedby"), Is.EqualTo("password-error"));
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-sign-up-errors") });
    }

    [Test]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_which_signs_in()
    {
        var page = await NewPageAsync();
        var (email, _) = await SignUpAsync(page, "forgetful");
        await SignOutAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        // The sign-in page has an Email field too: fill only once the new page is there.
        await Heading(page, "Forgot your password?").WaitForAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-forgot-password") });
        await Button(page, "Send reset link").ClickAsync();
        // The same answer whether or not the address has an account.
        await page.GetByText("If an account has that address, a link to reset its password is on its way.").WaitForAsync();

        var mail = (await smtp.WaitForAsync(email, "password")).Single();
        await page.GotoAsync(SmtpServer.LinkFrom(mail));
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a-brand-new-password");
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-reset-password") });
        await Button(page, "Set new password").ClickAsync();
        await Heading(page, "Your account").WaitForAsync();

        await SignOutAsync(page);
        await SignInAsync(page, email, "a-brand-new-password");
    }

    [Test]
    public async Task Two_factor_set_up_shows_a_qr_code_the_key_and_recovery_codes_and_sign_in_then_asks_for_a_code()
    {
        var page = await NewPageAsync();
        var (email, _) = await SignUpAsync(page, "twofactor");
        var secret = await TurnOnTwoFactorAsync(page);
        await SignOutAsync(page);

        await FillSignInAsync(page, email, Password);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Rfc6238.Code(secret));
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-sign-in-code") });
        await Button(page, "Verify").ClickAsync();
        await Heading(page, "Your account").WaitForAsync();
        Assert.That(await Region(page, "Two-factor sign-in").InnerTextAsync(), Does.Contain("Two-factor sign-in is on"));
    }

    [Test]
    public async Task A_passkey_added_on_the_profile_signs_in_without_an_email_even_with_two_factor_on()
    {
        var page = await NewPageAsync(withAuthenticator: true);
        await SignUpAsync(page, "passkey");
        await TurnOnTwoFactorAsync(page);

        var passkeys = Region(page, "Passkeys");
        await passkeys.GetByLabel("Passkey name", new() { Exact = true }).FillAsync("Test laptop");
        await passkeys.GetByRole(AriaRole.Button, new() { Name = "Add a passkey", Exact = true }).ClickAsync();
        await passkeys.GetByTestId("passkey").GetByText("Test laptop").WaitForAsync();
        await passkeys.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-passkeys") });

        await SignOutAsync(page);
        await Button(page, "Sign in with a passkey").ClickAsync();
        await Heading(page, "Your account").WaitForAsync();
        Assert.That(await passkeys.GetByTestId("passkey").InnerTextAsync(), Does.Not.Contain("last used never"));
    }

    [Test]
    public async Task The_sessions_list_signs_out_another_session_which_then_has_to_sign_in_again()
    {
        var here = await NewPageAsync();
        var (email, _) = await SignUpAsync(here, "sessions");
        var elsewhere = await NewPageAsync();
        await FillSignInAsync(elsewhere, email, Password);
        await Heading(elsewhere, "Your account").WaitForAsync();

        await here.ReloadAsync();
        var sessions = Region(here, "Sessions").GetByTestId("session");
        await sessions.Nth(1).WaitForAsync();
        Assert.That(await sessions.CountAsync(), Is.EqualTo(2));
        await here.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-sessions"), FullPage = true });
        var other = sessions.Filter(new() { HasNotText = "This device" });
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await sessions.Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await elsewhere.ReloadAsync();
        await Heading(elsewhere, "Sign in").WaitForAsync();
        Assert.That(elsewhere.Url, Does.Contain("/account/sign-in"), "the ended session's cookies no longer sign in");
    }

    [Test]
    public async Task Sign_out_other_sessions_leaves_only_this_one()
    {
        var here = await NewPageAsync();
        var (email, _) = await SignUpAsync(here, "others");
        for (var i = 0; i < 2; i++)
        {
            var other = await NewPageAsync();
            await FillSignInAsync(other, email, Password);
            await Heading(other, "Your account").WaitForAsync();
        }

        await here.ReloadAsync();
        var sessions = Region(here, "Sessions").GetByTestId("session");
        await sessions.Nth(2).WaitForAsync();
        await Button(here, "Sign out other sessions").ClickAsync();
        await sessions.Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        Assert.That(await sessions.InnerTextAsync(), Does.Contain("This device"));
    }

    [Test]
    public async Task A_new_email_takes_effect_only_through_the_link_mailed_to_it()
    {
        var page = await NewPageAsync();
        var (email, username) = await SignUpAsync(page, "mover");
        var newEmail = $"{username}-moved@example.com";

        var section = Region(page, "Email");
        await section.GetByLabel("New email", new() { Exact = true }).FillAsync(newEmail);
        await section.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await section.GetByRole(AriaRole.Button, new() { Name = "Change email", Exact = true }).ClickAsync();
        await section.GetByText(newEmail, new() { Exact = false }).Last.WaitForAsync();
        Assert.That(await section.InnerTextAsync(), Does.Contain(email), "nothing changes before the link is followed");

        var mail = (await smtp.WaitForAsync(newEmail, "Confirm your new email")).Single();
        await page.GotoAsync(SmtpServer.LinkFrom(mail));
        await page.GetByText("Your account now uses the new address.").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-confirm-email") });
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to your account" }).ClickAsync();
        await section.GetByText(newEmail, new() { Exact = true }).WaitForAsync();
    }

    [Test]
    public async Task A_passkey_is_renamed_and_then_removed_with_the_password()
    {
        var page = await NewPageAsync(withAuthenticator: true);
        await SignUpAsync(page, "renamer");
        var passkeys = Region(page, "Passkeys");
        await passkeys.GetByRole(AriaRole.Button, new() { Name = "Add a passkey", Exact = true }).ClickAsync();
        var listed = passkeys.GetByTestId("passkey");
        await listed.WaitForAsync();

        await listed.GetByRole(AriaRole.Button, new() { Name = "Change", Exact = true }).ClickAsync();
        await passkeys.GetByLabel("Name", new() { Exact = true }).FillAsync("Phone");
        await passkeys.GetByRole(AriaRole.Button, new() { Name = "Rename passkey", Exact = true }).ClickAsync();
        await listed.GetByText("Phone", new() { Exact = true }).WaitForAsync();

        await listed.GetByRole(AriaRole.Button, new() { Name = "Change", Exact = true }).ClickAsync();
        await passkeys.GetByLabel("Password", new() { Exact = true }).FillAsync("not-my-password");
        await passkeys.GetByRole(AriaRole.Button, new() { Name = "Remove passkey", Exact = true }).ClickAsync();
        await page.Locator("#passkey_password-error").WaitForAsync();
        Assert.That(await listed.CountAsync(), Is.EqualTo(1), "a wrong password removes nothing");
        await passkeys.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await passkeys.GetByRole(AriaRole.Button, new() { Name = "Remove passkey", Exact = true }).ClickAsync();
        await passkeys.GetByText("No passkeys yet.").WaitForAsync();
    }

    [Test]
    public async Task An_API_key_is_made_shown_once_used_and_cancelled_from_the_account_page()
    {
        var page = await NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var (_, username) = await SignUpAsync(page, "scripter");
        var api = new Api(new HttpClient { BaseAddress = new Uri(baseUrl) });

        var section = Region(page, "API keys");
        await section.GetByLabel("Key name", new() { Exact = true }).FillAsync("Nightly export");
        await section.GetByLabel("Your password", new() { Exact = true }).FillAsync(Password);
        await section.GetByRole(AriaRole.Button, new() { Name = "Make API key", Exact = true }).ClickAsync();
        var shown = section.GetByLabel("API key", new() { Exact = true });
        await shown.WaitForAsync();
        var key = await shown.InputValueAsync();
        Assert.That(await shown.IsEditableAsync(), Is.False, "the key is shown read-only");
        Assert.That(await section.InnerTextAsync(), Does.Contain("it will not be shown again"));
        await section.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await section.GetByText("Copied.", new() { Exact = true }).WaitForAsync();
        Assert.That(await page.EvaluateAsync<string>("navigator.clipboard.readText()"), Is.EqualTo(key));
        Assert.That(await EverythingOnAsync(page), Does.Contain(key), "while shown, the key is on the page: the check below can see it");
        await section.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-api-key-made") });

        var used = await api.GetAsync("/user/me", key);
        Assert.That(used.Status, Is.EqualTo(200), used.Text);
        Assert.That(used.String("username"), Is.EqualTo(username), "the key calls as its maker");

        await section.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await shown.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.ReloadAsync();
        var listed = section.GetByTestId("apikey");
        await listed.GetByText("Nightly export", new() { Exact = true }).WaitForAsync();
        Assert.That(await listed.InnerTextAsync(), Does.Contain(key[..12]).And.Contain("reads your account only").And.Not.Contain("last used never"));
        Assert.That(await EverythingOnAsync(page), Does.Not.Contain(key), "the key is shown once, and kept nowhere the page can read it back");
        await section.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-api-keys") });

        await listed.GetByRole(AriaRole.Button, new() { Name = "Cancel key", Exact = true }).ClickAsync();
        await listed.GetByRole(AriaRole.Button, new() { Name = "Cancel Nightly export", Exact = true }).ClickAsync();
        await section.GetByText("No API keys yet.").WaitForAsync();
        var refused = await api.GetAsync("/user/me", key);
        Assert.That(refused.Status, Is.EqualTo(401), refused.Text);
    }

    [Test]
    public async Task An_API_key_without_a_name_is_refused_with_the_servers_error_beside_the_name()
    {
        var page = await NewPageAsync();
        await SignUpAsync(page, "unnamed");
        var section = Region(page, "API keys");

        await section.GetByRole(AriaRole.Button, new() { Name = "Make API key", Exact = true }).ClickAsync();

        var nameError = section.Locator("#apikey_name-error");
        await nameError.WaitForAsync();
        Assert.That(await nameError.InnerTextAsync(), Does.Contain("name is required"));
        Assert.That(await section.GetByText("name is required").CountAsync(), Is.EqualTo(1), "not repeated in the summary above the form");
        Assert.That(await section.GetByTestId("apikey").CountAsync(), Is.Zero);
    }

    [Test]
    public async Task An_API_key_gets_the_permissions_ticked_as_its_scopes_and_no_others()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, await CreateAdminAsync(), "admin-password-1");
        var api = new Api(new HttpClient { BaseAddress = new Uri(baseUrl) });

        var section = Region(page, "API keys");
        await section.GetByLabel("Key name", new() { Exact = true }).FillAsync("Support export");
        await section.GetByLabel("users.read", new() { Exact = true }).CheckAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Make API key", Exact = true }).ClickAsync();
        var key = await section.GetByLabel("API key", new() { Exact = true }).InputValueAsync();

        Assert.That(await section.GetByTestId("apikey").InnerTextAsync(), Does.Contain("users.read").And.Not.Contain("users.manage"));
        Assert.That((await api.GetAsync("/user", key)).Status, Is.EqualTo(200), "users.read lists users");
        Assert.That((await api.GetAsync("/roles", key)).Status, Is.EqualTo(403), "roles.manage was not ticked");
    }

    [Test]
    public async Task An_admin_grants_and_revokes_admin_resets_two_factor_and_deletes_a_user()
    {
        var admin = await CreateAdminAsync();
        var userPage = await NewPageAsync();
        var (userEmail, username) = await SignUpAsync(userPage, "administered");
        await TurnOnTwoFactorAsync(userPage);

        var page = await NewPageAsync();
        await SignInAsync(page, admin, "admin-password-1");
        await page.GotoAsync("/account/admin/users");
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(username);
        await Button(page, "Search").ClickAsync();
        await page.GetByText("Page 1 of 1 · 1 user", new() { Exact = true }).WaitForAsync();
        var row = page.Locator($"tr[data-email='{userEmail}']");

        await row.GetByRole(AriaRole.Button, new() { Name = "Grant admin", Exact = true }).ClickAsync();
        await row.GetByText("admin", new() { Exact = true }).WaitForAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke admin", Exact = true }).ClickAsync();
        await row.GetByText("admin", new() { Exact = true }).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await row.GetByRole(AriaRole.Button, new() { Name = "Reset two-factor", Exact = true }).ClickAsync();
        await row.GetByText("two-factor", new() { Exact = true }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await SignOutAsync(userPage);
        await SignInAsync(userPage, userEmail, Password);

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {username}", Exact = true }).ClickAsync();
        await page.GetByText("Page 1 of 1 · 0 users", new() { Exact = true }).WaitForAsync();
        await userPage.ReloadAsync();
        await Heading(userPage, "Sign in").WaitForAsync();
    }

    [Test]
    public async Task An_admin_finds_a_user_locks_and_unlocks_them_and_sees_their_sessions()
    {
        var admin = await CreateAdminAsync();
        var userPage = await NewPageAsync();
        var (userEmail, _) = await SignUpAsync(userPage, "managed");

        var page = await NewPageAsync();
        await SignInAsync(page, admin, "admin-password-1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(userEmail.Split('@')[0]);
        await Button(page, "Search").ClickAsync();
        await page.GetByText("Page 1 of 1 · 1 user", new() { Exact = true }).WaitForAsync();
        var row = page.Locator($"tr[data-email='{userEmail}']");
        Assert.That(await page.Locator("tbody tr").CountAsync(), Is.EqualTo(1), "the search narrows the list");

        await row.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await row.GetByText("locked", new() { Exact = true }).WaitForAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Sessions", Exact = true }).ClickAsync();
        await row.GetByText("No sessions.").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-admin-users"), FullPage = true });
        await userPage.ReloadAsync();
        await Heading(userPage, "Sign in").WaitForAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true }).ClickAsync();
        await row.GetByText("locked", new() { Exact = true }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await SignInAsync(userPage, userEmail, Password);
    }

    [Test]
    public async Task The_admin_page_is_refused_to_a_user_who_is_not_an_admin()
    {
        var page = await NewPageAsync();
        await SignUpAsync(page, "notadmin");

        await page.GotoAsync("/account/admin/users");

        await page.GetByText("Only admins, and roles with the users.read permission, can see users.").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-admin-refused") });
        Assert.That(await page.Locator("table").CountAsync(), Is.Zero);
        Assert.That(await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).CountAsync(), Is.Zero, "no link to it either");
    }

    [Test]
    public async Task A_support_role_that_reads_users_sees_the_list_without_the_buttons_it_may_not_use()
    {
        var api = new Api(new HttpClient { BaseAddress = new Uri(baseUrl) });
        var admin = await api.LoginAsync(await CreateAdminAsync(), "admin-password-1");
        var page = await NewPageAsync();
        var (_, username) = await SignUpAsync(page, "support");
        var role = $"Support{Interlocked.Increment(ref counter)}";
        Assert.That((await api.SendAsync(HttpMethod.Put, $"/roles/{role}", Api.Json(new { permissions = new[] { "users.read" } }), admin)).Status, Is.EqualTo(200));
        Assert.That((await api.PostAsync("/assignroles", new { userName = username, roles = new[] { role } }, admin)).Status, Is.EqualTo(200));

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        var row = page.Locator($"tr[data-email='{username}@example.com']");
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(username);
        await Button(page, "Search").ClickAsync();
        await row.WaitForAsync();

        Assert.That(await row.GetByRole(AriaRole.Button, new() { Name = "Sessions", Exact = true }).CountAsync(), Is.EqualTo(1));
        foreach (var hidden in new[] { "Lock", "Grant admin", "Delete" })
            Assert.That(await row.GetByRole(AriaRole.Button, new() { Name = hidden, Exact = true }).CountAsync(), Is.Zero, hidden);
    }

    [Test]
    public async Task A_page_that_needs_a_sign_in_sends_to_sign_in_and_back_afterwards()
    {
        var page = await NewPageAsync();
        var (email, _) = await SignUpAsync(page, "redirected");
        await SignOutAsync(page);

        await page.GotoAsync("/account/");
        await Heading(page, "Sign in").WaitForAsync();
        await FillSignInAsync(page, email, Password);

        await Heading(page, "Your account").WaitForAsync();
    }

    [TestCase("sign-in")]
    [TestCase("sign-up")]
    [TestCase("forgot-password")]
    [TestCase("reset-password?token=a-token-that-was-never-issued")]
    [TestCase("verify-email?token=a-token-that-was-never-issued")]
    [TestCase("confirm-email?token=a-token-that-was-never-issued")]
    [TestCase("")]
    [TestCase("admin/users")]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation(string path)
    {
        // axe is added as a script of the page's own, which the pages' CSP would refuse.
        var page = await NewPageAsync(bypassCsp: true);
        if (path == "")
            await SignUpAsync(page, "axe");
        else if (path == "admin/users")
            await SignInAsync(page, await CreateAdminAsync(), "admin-password-1");
        await page.GotoAsync("/account/" + path);
        await page.Locator("h1").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.AddScriptTagAsync(new() { Path = Path.Combine(RepositoryRoot.Path, "clients", "web", "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
              .filter(v => v.impact === "serious" || v.impact === "critical")
              .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)
            """);

        Assert.That(violations, Is.Empty);
    }

    private async Task<IPage> NewPageAsync(bool withAuthenticator = false, bool bypassCsp = false)
    {
        var page = await AccountPage.OpenAsync(browser, baseUrl, withAuthenticator, bypassCsp);
        pages.Add(page);
        return page;
    }

    private async Task<(string Email, string Username)> SignUpAsync(IPage page, string prefix)
    {
        var username = $"{prefix}{Interlocked.Increment(ref counter)}";
        var email = $"{username}@example.com";
        if (prefix == "newcomer")
        {
            await page.GotoAsync("/account/sign-up");
            await page.ScreenshotAsync(new() { Path = Chromium.Screenshot("account-sign-up") });
        }
        await AccountPage.SignUpAsync(page, email, username);
        return (email, username);
    }

    /// <summary>All a script on the page could read: its markup, its inputs' values, its address and its storage.</summary>
    private static async Task<string> EverythingOnAsync(IPage page) => page.Url + await page.EvaluateAsync<string>("""
        () => document.documentElement.outerHTML
          + [...document.querySelectorAll("input")].map(i => i.value).join("\n")
          + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })
        """);

    /// <summary>An admin made with the host's own create-admin command, on the host's database; answers its email.</summary>
    private async Task<string> CreateAdminAsync()
    {
        var name = $"admin{Interlocked.Increment(ref counter)}";
        var (exitCode, _, error) = await HostProcess.RunAsync(["create-admin", "--email", $"{name}@example.com", "--username", name], new()
        {
            ["BOILERPLATE_ENV"] = "test",
            ["DATABASE_URL"] = database.Url,
            ["BOILERPLATE_ADMIN_PASSWORD"] = "admin-password-1",
        });
        Assert.That(exitCode, Is.EqualTo(0), error);
        return $"{name}@example.com";
    }
}
