using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Tokens;

/// <summary>
/// Tokens as HttpOnly cookies when a request asks (<c>useTokenCookie</c>, as ServiceStack's
/// Authenticate has it), in the body otherwise: one host serves browser apps and API clients alike.
/// </summary>
[OnEachDatabase]
public class TokenCookieTests(DatabaseKind kind)
{
    private ApiFactory factory = null!;

    [OneTimeSetUp]
    public void Start() => factory = new ApiFactory(kind: kind);

    [OneTimeTearDown]
    public void Stop() => factory?.Dispose();

    [Test]
    public async Task A_sign_in_that_asks_for_cookies_gets_httponly_cookies_with_max_age_and_no_tokens_in_the_body()
    {
        var api = await SignedInAsync("cookie_a");
        var response = await api.PostAsync("/auth/credentials", new { userName = "cookie_a", password = "password-123", useTokenCookie = true });

        var cookies = response.Message.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies, Has.Exactly(1).StartsWith("ss-tok=").And.Exactly(1).StartsWith("ss-reftok="));
        Assert.That(cookies, Is.All.Contains("httponly").IgnoreCase.And.All.Contains("max-age=").IgnoreCase);
        Assert.That(cookies, Is.All.Not.Contains("expires=").IgnoreCase, "ServiceStack's Node client splits Set-Cookie on commas");
        Assert.That(response.Header("X-Cookies"), Is.EqualTo("ss-tok,ss-reftok"));
        Assert.That(response.Body["bearerToken"], Is.Null);
        Assert.That(response.Body["refreshToken"], Is.Null);
    }

    [Test]
    public async Task The_ss_tok_cookie_authenticates_and_ss_reftok_refreshes()
    {
        var (http, _) = await CookieClientAsync("cookie_b");

        Assert.That((int)(await http.GetAsync("/user/me")).StatusCode, Is.EqualTo(200));

        using var refresh = await http.PostAsync("/access-token", Api.Json(new { }));
        Assert.That((int)refresh.StatusCode, Is.EqualTo(200), await refresh.Content.ReadAsStringAsync());
        Assert.That(refresh.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith("ss-reftok="), "a rotated refresh token comes back as a cookie");
        Assert.That((int)(await http.GetAsync("/user/me")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Logout_clears_the_cookies_and_revokes_them()
    {
        var (http, cookies) = await CookieClientAsync("cookie_c");
        var before = cookies.GetCookies(http.BaseAddress!)["ss-reftok"]!.Value;

        using var logout = await http.PostAsync("/auth/logout", Api.Json(new { }));
        Assert.That((int)logout.StatusCode, Is.EqualTo(200));
        Assert.That(cookies.GetCookies(http.BaseAddress!)["ss-tok"], Is.Null);

        var replay = await factory.CreateApi().PostAsync("/access-token", new { refreshToken = before });
        Assert.That(replay.Status, Is.EqualTo(401));
    }

    private async Task<Api> SignedInAsync(string name)
    {
        var api = factory.CreateApi();
        var registered = await api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "password-123" });
        Assert.That(registered.Status, Is.EqualTo(201), registered.Text);
        return api;
    }

    [Test]
    public async Task Every_way_of_signing_in_that_asks_for_cookies_sets_them_and_keeps_the_tokens_out_of_the_body()
    {
        var answers = await EveryWayOfSigningInAsync("cookie_all", useTokenCookie: true);

        foreach (var (way, answer) in answers)
        {
            Assert.That(answer.Status, Is.InRange(200, 201), $"{way}: {answer.Text}");
            Assert.That(answer.Message.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith("ss-tok=").And.Some.StartsWith("ss-reftok="), way);
            Assert.That(answer.Text, Does.Not.Contain("eyJ"), $"{way}: no token in the body");
        }
    }

    [Test]
    public async Task Every_way_of_signing_in_that_does_not_ask_answers_with_the_tokens_in_the_body_and_sets_no_cookie()
    {
        var answers = await EveryWayOfSigningInAsync("body_all", useTokenCookie: null);

        foreach (var (way, answer) in answers)
        {
            Assert.That(answer.Status, Is.InRange(200, 201), $"{way}: {answer.Text}");
            Assert.That(answer.Message.Headers.Contains("Set-Cookie"), Is.False, way);
            Assert.That(answer.Body["Authorization"]?.GetValue<string>() ?? answer.Body["bearerToken"]?.GetValue<string>(), Does.StartWith("eyJ"), $"{way}: {answer.Text}");
            Assert.That(answer.Body["refreshToken"]?.GetValue<string>(), Is.Not.Empty, way);
        }
    }

    /// <summary>Registration, the seed's login, Authenticate, a password change, the second-factor step and a reset, each asking as told.</summary>
    private async Task<Dictionary<string, ApiResponse>> EveryWayOfSigningInAsync(string name, bool? useTokenCookie)
    {
        var api = factory.CreateApi();
        var registered = await api.PostAsync("/user", new { email = $"{name}@example.com", username = name, password = "password-123", useTokenCookie });
        var answers = new Dictionary<string, ApiResponse>
        {
            ["registration"] = registered,
            ["seed login"] = await api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123", useTokenCookie }),
            ["Authenticate"] = await api.PostAsync("/auth/credentials", new { userName = name, password = "password-123", useTokenCookie }),
        };
        // A client of its own: this one keeps the cookies it was given, as a browser does.
        var bearer = await factory.CreateApi().LoginAsync($"{name}@example.com", "password-123");
        answers["password change"] = await api.PutAsync("/user/me/password", new { current_password = "password-123", new_password = "password-456", useTokenCookie }, bearer);
        answers["second-factor step"] = await SecondFactorSignInAsync($"{name}_mfa", useTokenCookie);
        answers["password reset"] = await PasswordResetAsync($"{name}_reset", useTokenCookie);
        return answers;
    }

    private async Task<ApiResponse> SecondFactorSignInAsync(string name, bool? useTokenCookie)
    {
        var (http, _) = await CookieClientAsync(name);
        using var enrolled = await http.PostAsync("/user/me/mfa/totp", Api.Json(new { password = "password-123" }));
        var secret = System.Text.Json.Nodes.JsonNode.Parse(await enrolled.Content.ReadAsStringAsync())!["secret"]!.GetValue<string>();
        var step = Rfc6238.StepAt(DateTimeOffset.UtcNow);
        using var confirmed = await http.PostAsync("/user/me/mfa/totp/confirm", Api.Json(new { code = Rfc6238.CodeAtStep(secret, step - 1) }));
        Assert.That((int)confirmed.StatusCode, Is.EqualTo(200));
        var api = factory.CreateApi();
        var mfaToken = (await api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" })).String("mfa_token");
        return await api.PostAsync("/auth/login/mfa", new { mfa_token = mfaToken, code = Rfc6238.CodeAtStep(secret, step), useTokenCookie });
    }

    private async Task<ApiResponse> PasswordResetAsync(string name, bool? useTokenCookie)
    {
        var api = await SignedInAsync(name);
        await api.PostAsync("/auth/forgot-password", new { email = $"{name}@example.com" });
        MimeKit.MimeMessage? mail = null;
        for (var i = 0; i < 150 && mail is null; i++)
        {
            mail = (Directory.Exists(factory.MailFolder) ? Directory.GetFiles(factory.MailFolder, "*.eml") : [])
                .Select(f => MimeKit.MimeMessage.Load(f)).FirstOrDefault(m => (m.Subject ?? "").Contains("Reset", StringComparison.Ordinal) && m.To.ToString().Contains(name, StringComparison.Ordinal));
            await Task.Delay(100);
        }
        Assert.That(mail, Is.Not.Null, "the reset mail was written to the pickup folder");
        return await api.PostAsync("/auth/reset-password", new { token = SmtpServer.TokenOf(mail!), new_password = "password-789", useTokenCookie });
    }

    [Test]
    public async Task A_cookie_signed_write_that_another_site_could_forge_is_refused()
    {
        var (http, _) = await CookieClientAsync("cookie_csrf");

        using var plain = await http.PostAsync("/auth/logout-all", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));
        using var form = await http.PostAsync("/auth/logout-all", new FormUrlEncodedContent([]));
        using var bare = await http.PostAsync("/auth/logout", null);
        using var refresh = await http.PostAsync("/access-token", new StringContent("", System.Text.Encoding.UTF8, "text/plain"));

        foreach (var refused in new[] { plain, form, bare, refresh })
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(401), refused.RequestMessage!.RequestUri!.ToString());
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("must send JSON (Content-Type: application/json) or an X-Requested-With header"));
        }
        Assert.That((int)(await http.GetAsync("/user/me")).StatusCode, Is.EqualTo(200), "still signed in: nothing was done");
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/auth/logout") { Headers = { { "X-Requested-With", "XMLHttpRequest" } } };
        Assert.That((int)(await http.SendAsync(withHeader)).StatusCode, Is.EqualTo(200), "a script's own request");
    }

    [Test]
    public async Task A_cookie_signed_write_sent_as_JSON_goes_through_and_bearer_clients_are_unaffected()
    {
        var (http, _) = await CookieClientAsync("cookie_json");
        using var json = await http.PostAsync("/auth/logout-all", Api.Json(new { }));
        Assert.That((int)json.StatusCode, Is.EqualTo(200));

        await SignedInAsync("bearer_plain");
        var token = (await factory.CreateApi().PostAsync("/auth/credentials", new { userName = "bearer_plain", password = "password-123" })).String("bearerToken");
        var plain = await factory.CreateApi().SendAsync(HttpMethod.Post, "/auth/logout-all", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"), token);
        Assert.That(plain.Status, Is.EqualTo(200), "a bearer header is no cookie another site can make the browser send");
    }

    [Test]
    public async Task A_session_signed_in_by_cookie_renews_by_cookie_unless_the_renewal_asks_for_the_body()
    {
        var (http, _) = await CookieClientAsync("cookie_renew");

        using var byCookie = await http.PostAsync("/access-token", Api.Json(new { }));
        var renewed = System.Text.Json.Nodes.JsonNode.Parse(await byCookie.Content.ReadAsStringAsync())!;
        Assert.That(byCookie.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith("ss-tok="), "no useTokenCookie, and the session rides on cookies");
        Assert.That(renewed["accessToken"]!.GetValue<string>(), Is.Empty);

        using var toBody = await http.PostAsync("/access-token", Api.Json(new { useTokenCookie = false }));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await toBody.Content.ReadAsStringAsync())!;
        Assert.That((int)toBody.StatusCode, Is.EqualTo(200), body.ToJsonString());
        Assert.That(body["accessToken"]!.GetValue<string>(), Does.StartWith("eyJ"), "asked for the body");
        Assert.That(toBody.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task A_bearer_client_and_a_cookie_client_share_one_host()
    {
        var (http, _) = await CookieClientAsync("side_cookie");
        var api = await SignedInAsync("side_bearer");
        var bearer = await api.PostAsync("/auth/login", new { email = "side_bearer@example.com", password = "password-123" });

        var mine = await api.GetAsync("/user/me", bearer.String("Authorization"));
        using var theirs = await http.GetAsync("/user/me");

        Assert.That(mine.String("username"), Is.EqualTo("side_bearer"));
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(await theirs.Content.ReadAsStringAsync())!["username"]!.GetValue<string>(), Is.EqualTo("side_cookie"));
        Assert.That(bearer.Message.Headers.Contains("Set-Cookie"), Is.False, "the bearer client asked for nothing and got no cookie");
    }

    /// <summary>A client that keeps cookies like a browser, signed in through /auth/credentials.</summary>
    private async Task<(HttpClient Http, System.Net.CookieContainer Cookies)> CookieClientAsync(string name)
    {
        await SignedInAsync(name);
        var cookies = new System.Net.CookieContainer();
        var http = factory.CreateDefaultClient(new CookieHandler(cookies));
        using var signIn = await http.PostAsync("/auth/credentials", Api.Json(new { userName = name, password = "password-123", useTokenCookie = true }));
        Assert.That((int)signIn.StatusCode, Is.EqualTo(200));
        return (http, cookies);
    }

    /// <summary>The test server's client keeps no cookies by itself.</summary>
    private sealed class CookieHandler(System.Net.CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
                request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                    cookies.SetCookies(request.RequestUri!, value);
            }
            return response;
        }
    }
}
