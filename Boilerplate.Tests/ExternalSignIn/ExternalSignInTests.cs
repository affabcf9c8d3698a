using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Boilerplate.ServiceInterface.ExternalSignIn;
using Boilerplate.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Boilerplate.Tests.ExternalSignIn;

/// <summary>
/// Signing in with an external OpenID Connect provider, against a real one on loopback: the browser
/// goes to /auth/{name}, signs in at the provider, comes back to /auth/{name}/callback, and the
/// account page finishes with POST /auth/external/complete. A new identity makes an account only
/// from an address the provider verified, never takes over an existing one, and every rule of
/// other sign-ins holds.
/// </summary>
[OnEachDatabase]
public class ExternalSignInTests(DatabaseKind kind)
{
    private const string Provider = "testid";
    private const string Password = "password-123";
    private static int counter;
    private TestOidcProvider provider = null!;
    private ApiFactory factory = null!;
    private Api api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        provider = await TestOidcProvider.StartAsync(("boilerplate", "client-secret-of-the-test", $"http://localhost/auth/{Provider}/callback"));
        factory = new ApiFactory(kind: kind)
        {
            Settings =
            {
                [$"Auth:External:{Provider}:Authority"] = provider.Authority,
                [$"Auth:External:{Provider}:ClientId"] = "boilerplate",
                [$"Auth:External:{Provider}:ClientSecret"] = "client-secret-of-the-test",
                [$"Auth:External:{Provider}:DisplayName"] = "Test ID",
            },
        };
        api = factory.CreateApi();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        factory?.Dispose();
        if (provider is not null)
            await provider.DisposeAsync();
    }

    [Test]
    public async Task The_providers_are_listed_for_anyone()
    {
        var listed = await api.GetAsync("/auth/providers");

        Assert.That(listed.Status, Is.EqualTo(200), listed.Text);
        var only = listed.Body["results"]!.AsArray().Single()!;
        Assert.That(only["name"]!.GetValue<string>(), Is.EqualTo(Provider));
        Assert.That(only["displayName"]!.GetValue<string>(), Is.EqualTo("Test ID"));
        Assert.That(only["url"]!.GetValue<string>(), Is.EqualTo($"/auth/{Provider}"));
    }

    [Test]
    public async Task A_new_identity_with_a_verified_address_makes_an_account_with_no_password_and_signs_in()
    {
        var email = Email();

        var signedIn = await SignInAsync(NewBrowser(), Sub(), email);

        Assert.That(signedIn.Status, Is.EqualTo(200), signedIn.Text);
        var me = await api.GetAsync("/user/me", signedIn.String("Authorization"));
        Assert.That(me.String("email"), Is.EqualTo(email));
        Assert.That(me.Body["email_verified"]!.GetValue<bool>(), Is.True, "the provider verified it");
        var identity = (await api.GetAsync("/user/me/identities", signedIn.String("Authorization"))).Body["results"]!.AsArray().Single()!;
        Assert.That(identity["provider"]!.GetValue<string>(), Is.EqualTo(Provider));
        Assert.That(identity["lastUsedDate"]?.GetValue<DateTime>(), Is.Not.Null, "it has just signed in");
        Assert.That((await api.PostAsync("/auth/login", new { email, password = "" })).Status, Is.EqualTo(400).Or.EqualTo(401), "no password signs in");
    }

    [Test]
    public async Task A_returning_identity_signs_in_to_its_account_even_with_another_address_at_the_provider()
    {
        var sub = Sub();
        var first = await SignInAsync(NewBrowser(), sub, Email());

        var again = await SignInAsync(NewBrowser(), sub, Email(), emailVerified: false);

        Assert.That(again.Status, Is.EqualTo(200), again.Text);
        Assert.That(await PublicIdAsync(again), Is.EqualTo(await PublicIdAsync(first)));
    }

    [Test]
    public async Task An_address_the_provider_did_not_verify_neither_makes_nor_reaches_an_account()
    {
        var (email, token) = await RegisterAsync();

        var unknown = await SignInAsync(NewBrowser(), Sub(), Email(), emailVerified: false);
        var existing = await SignInAsync(NewBrowser(), Sub(), email, emailVerified: false);

        Assert.That(unknown.Status, Is.EqualTo(401), unknown.Text);
        Assert.That(unknown.String("message"), Does.Contain("Test ID has not verified your email address"));
        Assert.That(existing.Status, Is.EqualTo(401), existing.Text);
        Assert.That(await IdentitiesAsync(token), Is.Empty);
    }

    [Test]
    public async Task An_existing_accounts_address_is_not_linked_silently_the_owner_links_it_from_their_account()
    {
        var (email, token) = await RegisterAsync();

        var refused = await SignInAsync(NewBrowser(), Sub(), email);

        Assert.That(refused.Status, Is.EqualTo(401), refused.Text);
        Assert.That(refused.String("message"), Does.Contain($"An account with {email} exists already").And.Contain("link Test ID from your account page"));
        Assert.That(refused.Text, Does.Not.Contain("Authorization\":\"ey"));
        Assert.That(await IdentitiesAsync(token), Is.Empty);
    }

    [Test]
    public async Task A_sign_in_through_the_provider_is_a_session_in_the_list_and_on_record_as_are_link_and_unlink()
    {
        var (_, token) = await RegisterAsync();
        var sub = Sub();
        await SignInAsync(NewBrowser(), sub, Email(), startedBy: token);
        var signedIn = await SignInAsync(NewBrowser(), sub, Email());
        await api.SendAsync(HttpMethod.Delete, $"/user/me/identities/{Provider}", token: token);

        var sessions = (await api.GetAsync("/user/me/sessions", token)).Body["data"]!.AsArray();
        Assert.That(sessions, Has.Count.EqualTo(2), "the registration's session and the provider's");
        var admin = await factory.CreateAdminAsync($"extadmin{Interlocked.Increment(ref counter)}");
        var trail = (await api.GetAsync($"/audit?user={await PublicIdAsync(signedIn)}&per_page=100", admin)).Body["results"]!.AsArray()
            .Select(e => (Event: e!["event"]!.GetValue<string>(), Details: e["details"]?.GetValue<string>())).ToList();
        Assert.That(trail.Select(e => e.Event), Is.SupersetOf(new[] { "identity.linked", "identity.unlinked", "sign-in.succeeded" }));
        Assert.That(trail.Where(e => e.Event == "sign-in.succeeded").Select(e => e.Details), Has.Some.Contains("methods=fed"));
        Assert.That(trail.Single(e => e.Event == "identity.linked").Details, Is.EqualTo($"provider={Provider}"));
    }

    [Test]
    public async Task A_signed_in_user_links_a_provider_and_then_signs_in_with_it()
    {
        var (email, token) = await RegisterAsync();
        var sub = Sub();

        var linked = await SignInAsync(NewBrowser(), sub, Email(), startedBy: token);

        Assert.That(linked.Status, Is.EqualTo(200), linked.Text);
        Assert.That(linked.Body["linked"]!.GetValue<bool>(), Is.True);
        Assert.That(linked.Body["Authorization"], Is.Null, "linking starts no session");
        Assert.That(await IdentitiesAsync(token), Is.EqualTo(new[] { Provider }));
        var signedIn = await SignInAsync(NewBrowser(), sub, Email());
        Assert.That((await api.GetAsync("/user/me", signedIn.String("Authorization"))).String("email"), Is.EqualTo(email));
    }

    [Test]
    public async Task Linking_finished_in_another_accounts_session_links_nothing()
    {
        var (_, starter) = await RegisterAsync();
        var (_, other) = await RegisterAsync();

        var refused = await SignInAsync(NewBrowser(), Sub(), Email(), startedBy: starter, finishedBy: other);

        Assert.That(refused.Status, Is.EqualTo(403), refused.Text);
        Assert.That(await IdentitiesAsync(starter), Is.Empty);
        Assert.That(await IdentitiesAsync(other), Is.Empty);
    }

    [Test]
    public async Task An_identity_linked_to_one_account_is_not_linked_to_another()
    {
        var sub = Sub();
        await SignInAsync(NewBrowser(), sub, Email());
        var (_, token) = await RegisterAsync();

        var refused = await SignInAsync(NewBrowser(), sub, Email(), startedBy: token);

        Assert.That(refused.Status, Is.EqualTo(409), refused.Text);
        Assert.That(await IdentitiesAsync(token), Is.Empty);
    }

    [Test]
    public async Task A_locked_account_is_refused_after_the_provider()
    {
        var sub = Sub();
        var first = await SignInAsync(NewBrowser(), sub, Email());
        var admin = await factory.CreateAdminAsync($"extadmin{Interlocked.Increment(ref counter)}");
        Assert.That((await api.PostAsync($"/user/{await PublicIdAsync(first)}/lock", token: admin)).Status, Is.EqualTo(200));

        var refused = await SignInAsync(NewBrowser(), sub, Email());

        Assert.That(refused.Status, Is.EqualTo(401), refused.Text);
        Assert.That(refused.String("message"), Does.Contain("locked"));
    }

    [Test]
    public async Task An_account_with_a_second_factor_is_asked_for_it_after_the_provider()
    {
        var (_, token) = await RegisterAsync();
        var sub = Sub();
        await SignInAsync(NewBrowser(), sub, Email(), startedBy: token);
        var secret = (await api.PostAsync("/user/me/mfa/totp", new { password = Password }, token)).String("secret");
        Assert.That((await api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.Code(secret, offset: -1) }, token)).Status, Is.EqualTo(200));

        var pending = await SignInAsync(NewBrowser(), sub, Email());

        Assert.That(pending.Status, Is.EqualTo(200), pending.Text);
        Assert.That(pending.String("status"), Is.EqualTo("mfa_required"));
        Assert.That(pending.Body["Authorization"], Is.Null, "no token before the second factor");
        var completed = await api.PostAsync("/auth/login/mfa", new { mfa_token = pending.String("mfa_token"), code = Rfc6238.Code(secret) });
        Assert.That(completed.Status, Is.EqualTo(200), completed.Text);
        var methods = new JsonWebToken(completed.String("Authorization")).Claims.Where(c => c.Type == "amr").Select(c => c.Value);
        Assert.That(methods, Is.EquivalentTo(new[] { "fed", "otp", "mfa" }), "the token says the first step was the provider, not a password");
    }

    [Test]
    public async Task A_fresh_sign_in_through_the_provider_confirms_a_new_way_in_as_one_with_the_password_does()
    {
        var signedIn = await SignInAsync(NewBrowser(), Sub(), Email());

        var key = await api.PostAsync("/apikeys", new { name = "made right after the provider" }, signedIn.String("Authorization"));

        Assert.That(key.Status, Is.EqualTo(200), "an account made through a provider has no password to type: " + key.Text);
    }

    [Test]
    public async Task The_last_way_in_cannot_be_unlinked_another_can()
    {
        var onlyProvider = await SignInAsync(NewBrowser(), Sub(), Email());
        var (_, withPassword) = await RegisterAsync();
        await SignInAsync(NewBrowser(), Sub(), Email(), startedBy: withPassword);

        var refused = await api.SendAsync(HttpMethod.Delete, $"/user/me/identities/{Provider}", token: onlyProvider.String("Authorization"));
        var unlinked = await api.SendAsync(HttpMethod.Delete, $"/user/me/identities/{Provider}", token: withPassword);

        Assert.That(refused.Status, Is.EqualTo(409), refused.Text);
        Assert.That(refused.String("message"), Does.Contain("only way in"));
        Assert.That(unlinked.Status, Is.EqualTo(204), unlinked.Text);
        Assert.That(await IdentitiesAsync(withPassword), Is.Empty);
    }

    [Test]
    public async Task An_unknown_provider_is_a_clear_4xx_to_begin_with_and_to_unlink()
    {
        var (_, token) = await RegisterAsync();

        var begun = await api.GetAsync("/auth/nosuch");
        var unlinked = await api.SendAsync(HttpMethod.Delete, "/user/me/identities/nosuch", token: token);

        Assert.That(begun.Status, Is.InRange(400, 499), begun.Text);
        Assert.That(begun.ResponseStatus["message"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(unlinked.Status, Is.EqualTo(404), unlinked.Text);
        Assert.That(unlinked.String("message"), Is.EqualTo("No nosuch identity is linked to your account."));
    }

    [Test]
    public async Task Access_denied_at_the_provider_ends_on_the_account_page_with_a_reason()
    {
        var browser = NewBrowser();

        var back = await browser.GetAsync(PathOf(await provider.DenyAsync(await StartAsync(browser))));

        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(back.Headers.Location!.ToString(), Is.EqualTo($"{ExternalSignInPage}?provider={Provider}&error=access_denied"));
    }

    [Test]
    public async Task A_forged_state_or_a_callback_opened_in_another_browser_signs_no_one_in()
    {
        var started = NewBrowser();
        var callback = await provider.SignInAsync(await StartAsync(started), Sub(), Email(), emailVerified: true);
        var elsewhere = NewBrowser();

        var forged = await started.GetAsync($"/auth/{Provider}/callback?code=made-up&state=made-up");
        var otherBrowser = await elsewhere.GetAsync(PathOf(callback));
        var completed = await elsewhere.PostAsync("/auth/external/complete", Api.Json(new { }));

        Assert.That(forged.Headers.Location!.ToString(), Is.EqualTo($"{ExternalSignInPage}?provider={Provider}&error=failed"));
        Assert.That(otherBrowser.Headers.Location!.ToString(), Is.EqualTo($"{ExternalSignInPage}?provider={Provider}&error=failed"));
        Assert.That((int)completed.StatusCode, Is.EqualTo(400), "no sign-in waits in the other browser");
    }

    [Test]
    public async Task A_finished_sign_in_cannot_be_finished_again()
    {
        var browser = NewBrowser();
        var ticket = await CallbackAsync(browser, Sub(), Email(), emailVerified: true);

        var first = await browser.PostAsync("/auth/external/complete", Api.Json(new { }));
        var replayed = await NewBrowser().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/auth/external/complete")
        {
            Content = Api.Json(new { }),
            Headers = { { "Cookie", $"{ExternalSignInTickets.Cookie}={ticket}" } },
        });

        Assert.That((int)first.StatusCode, Is.EqualTo(200));
        Assert.That((int)replayed.StatusCode, Is.EqualTo(400));
    }

    [TestCase("https://elsewhere.example/steal")]
    [TestCase("//elsewhere.example/steal")]
    [TestCase("/\\elsewhere.example")]
    public async Task The_browser_lands_only_on_a_path_of_this_service(string elsewhere)
    {
        var browser = NewBrowser();
        await CallbackAsync(browser, Sub(), Email(), emailVerified: true, $"?continue={Uri.EscapeDataString(elsewhere)}");

        var completed = await new Api(browser).PostAsync("/auth/external/complete", new { });

        Assert.That(completed.String("continue"), Is.EqualTo("/account/"));
    }

    [Test]
    public async Task The_browser_lands_on_the_path_it_asked_for()
    {
        var browser = NewBrowser();
        await CallbackAsync(browser, Sub(), Email(), emailVerified: true, "?continue=%2Faccount%2Fadmin%2Fusers");

        var completed = await new Api(browser).PostAsync("/auth/external/complete", new { });

        Assert.That(completed.String("continue"), Is.EqualTo("/account/admin/users"));
    }

    [Test]
    public async Task With_LinkByVerifiedEmail_a_verified_address_signs_in_to_the_account_whose_address_is_verified_too()
    {
        await using var trusting = Host(linkByVerifiedEmail: true);
        var verifiedOwner = await RegisterAsync(trusting.Api);
        await VerifyAddressAsync(trusting.Factory, verifiedOwner.Email);
        var unverifiedOwner = await RegisterAsync(trusting.Api);

        var linked = await SignInAsync(trusting.Browser(), Sub(), verifiedOwner.Email);
        var refused = await SignInAsync(trusting.Browser(), Sub(), unverifiedOwner.Email);
        var unverifiedAtProvider = await SignInAsync(trusting.Browser(), Sub(), verifiedOwner.Email, emailVerified: false);

        Assert.That(linked.Status, Is.EqualTo(200), linked.Text);
        Assert.That((await trusting.Api.GetAsync("/user/me", linked.String("Authorization"))).String("email"), Is.EqualTo(verifiedOwner.Email));
        Assert.That(await IdentitiesAsync(verifiedOwner.Token, trusting.Api), Is.EqualTo(new[] { Provider }));
        Assert.That(refused.Status, Is.EqualTo(401), "the account's address is not verified: " + refused.Text);
        Assert.That(await IdentitiesAsync(unverifiedOwner.Token, trusting.Api), Is.Empty);
        Assert.That(unverifiedAtProvider.Status, Is.EqualTo(401), unverifiedAtProvider.Text);
    }

    [Test]
    public async Task A_provider_that_cannot_be_reached_ends_on_the_account_page_not_in_an_error()
    {
        using var unreachable = new ApiFactory(kind: DatabaseKind.Sqlite)
        {
            Settings =
            {
                ["Auth:External:down:Authority"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
                ["Auth:External:down:ClientId"] = "boilerplate",
            },
        };
        var browser = unreachable.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var started = await browser.GetAsync("/auth/down");

        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await started.Content.ReadAsStringAsync());
        Assert.That(started.Headers.Location!.ToString(), Is.EqualTo($"{ExternalSignInPage}?provider=down&error=unavailable"));
    }

    [Test]
    public void Production_refuses_a_provider_whose_authority_is_not_https()
    {
        var providers = new Dictionary<string, ExternalProviderSettings> { ["corp"] = new() { Authority = "http://id.example.com", ClientId = "app" } };

        var inProduction = ExternalProviderValidation.Problems(providers, new HostingEnvironment { EnvironmentName = Environments.Production });
        var inDevelopment = ExternalProviderValidation.Problems(providers, new HostingEnvironment { EnvironmentName = Environments.Development });

        Assert.That(inProduction, Has.One.Contains("Auth:External:corp:Authority must be an https address in production"));
        Assert.That(inDevelopment, Is.Empty);
    }

    private const string ExternalSignInPage = "/account/external";

    /// <summary>A browser of its own: its cookies, no redirects followed.</summary>
    private HttpClient NewBrowser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The whole flow: begun (by a signed-in account when linking), signed in at the provider, and finished.</summary>
    private async Task<ApiResponse> SignInAsync(HttpClient browser, string sub, string email, bool emailVerified = true, string? startedBy = null, string? finishedBy = null)
    {
        await CallbackAsync(browser, sub, email, emailVerified, startedBy is null ? "" : "?link=true", startedBy);
        return await new Api(browser).PostAsync("/auth/external/complete", new { }, finishedBy ?? startedBy);
    }

    /// <summary>Up to the provider's redirect back; answers the ticket the callback left in the browser.</summary>
    private async Task<string> CallbackAsync(HttpClient browser, string sub, string email, bool emailVerified, string query = "", string? token = null)
    {
        var callback = await provider.SignInAsync(await StartAsync(browser, query, token), sub, email, emailVerified);
        var back = await browser.GetAsync(PathOf(callback));
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await back.Content.ReadAsStringAsync());
        Assert.That(back.Headers.Location!.ToString(), Is.EqualTo($"{ExternalSignInPage}?provider={Provider}"));
        var cookie = back.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith($"{ExternalSignInTickets.Cookie}="));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase);
        return cookie[(ExternalSignInTickets.Cookie.Length + 1)..cookie.IndexOf(';')];
    }

    private async Task<Uri> StartAsync(HttpClient browser, string query = "", string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/auth/{Provider}{query}");
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        var started = await browser.SendAsync(request);
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await started.Content.ReadAsStringAsync());
        Assert.That(started.Headers.Location!.ToString(), Does.StartWith(provider.Authority));
        return started.Headers.Location!;
    }

    private static string PathOf(Uri callback) => callback.PathAndQuery;

    private async Task<(string Email, string Token)> RegisterAsync(Api? on = null)
    {
        var name = $"ext{Interlocked.Increment(ref counter)}";
        return ($"{name}@example.com", await (on ?? api).RegisterAsync(name, Password));
    }

    /// <summary>A second host on the same provider, with <c>LinkByVerifiedEmail</c> as given.</summary>
    private OtherHost Host(bool linkByVerifiedEmail)
    {
        var host = new ApiFactory(kind: kind);
        foreach (var (key, value) in factory.Settings)
            host.Settings[key] = value;
        host.Settings[$"Auth:External:{Provider}:LinkByVerifiedEmail"] = linkByVerifiedEmail ? "true" : "false";
        return new OtherHost(host);
    }

    private sealed class OtherHost(ApiFactory factory) : IAsyncDisposable
    {
        public ApiFactory Factory { get; } = factory;
        public Api Api { get; } = factory.CreateApi();
        public HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        public ValueTask DisposeAsync()
        {
            Factory.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Follows the link of the verification mail the registration queued.</summary>
    private static async Task VerifyAddressAsync(ApiFactory host, string email)
    {
        var verified = await host.CreateApi().PostAsync("/auth/verify-email", new { token = await PickupMail.TokenForAsync(email, host.MailFolder) });
        Assert.That(verified.Status, Is.EqualTo(200), verified.Text);
    }

    private async Task<string> PublicIdAsync(ApiResponse signedIn) => (await api.GetAsync("/user/me", signedIn.String("Authorization"))).String("public_id");

    private async Task<List<string>> IdentitiesAsync(string token, Api? on = null) =>
        (await (on ?? api).GetAsync("/user/me/identities", token)).Body["results"]!.AsArray().Select(i => i!["provider"]!.GetValue<string>()).ToList();

    private static string Sub() => Guid.NewGuid().ToString("N");

    private static string Email() => $"ext-{Guid.NewGuid():N}@provider.example";
}
