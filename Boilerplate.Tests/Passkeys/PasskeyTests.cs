using System.Text.Json.Nodes;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.Passkeys;

/// <summary>
/// Passkeys (WebAuthn): adding them to an account, and signing in with one, no email typed. The
/// browser and its authenticator are <see cref="SoftwareAuthenticator"/>: the tests' own, not the server's library.
/// </summary>
[OnEachDatabase]
public class PasskeyTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const string Password = "password-123";

    /// <summary>A user, their token, and an authenticator holding one passkey of theirs.</summary>
    private sealed record WithPasskey(string Email, string Token, SoftwareAuthenticator Authenticator, string PasskeyId);

    private SoftwareAuthenticator NewAuthenticator() => new(Api.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));

    private async Task<WithPasskey> RegisteredAsync(string prefix, string? name = null)
    {
        var user = UniqueName(prefix);
        var token = await Api.RegisterAsync(user);
        var authenticator = NewAuthenticator();
        var added = await AddPasskeyAsync(token, authenticator, name);
        Assert.That(added.Status, Is.EqualTo(200), added.Text);
        return new WithPasskey($"{user}@example.com", token, authenticator, added.String("id"));
    }

    private async Task<ApiResponse> AddPasskeyAsync(string token, SoftwareAuthenticator authenticator, string? name = null)
    {
        var options = await Api.PostAsync("/user/me/passkeys/options", new { }, token);
        Assert.That(options.Status, Is.EqualTo(200), options.Text);
        return await Api.PostAsync("/user/me/passkeys",
            new { ceremony_id = options.String("ceremony_id"), credential = authenticator.Create(options.String("options")), name }, token);
    }

    private async Task<(string CeremonyId, string Options)> SignInOptionsAsync(Api? api = null)
    {
        var options = await (api ?? Api).PostAsync("/auth/passkey/options");
        Assert.That(options.Status, Is.EqualTo(200), options.Text);
        return (options.String("ceremony_id"), options.String("options"));
    }

    private async Task<ApiResponse> SignInAsync(SoftwareAuthenticator authenticator, SoftwareAuthenticator.Credential? credential = null, Api? api = null)
    {
        var (ceremonyId, options) = await SignInOptionsAsync(api);
        return await (api ?? Api).PostAsync("/auth/passkey", new { ceremony_id = ceremonyId, credential = authenticator.Get(options, credential) });
    }

    private async Task<JsonArray> ListAsync(string token)
    {
        var list = await Api.GetAsync("/user/me/passkeys", token);
        Assert.That(list.Status, Is.EqualTo(200), list.Text);
        return list.Body["data"]!.AsArray();
    }

    [Test]
    public async Task Registration_options_ask_for_a_discoverable_credential_that_verifies_its_user()
    {
        var token = await Api.RegisterAsync(UniqueName("optioned"));

        var answer = await Api.PostAsync("/user/me/passkeys/options", new { }, token);
        var options = JsonNode.Parse(answer.String("options"))!;

        Assert.That(answer.String("ceremony_id"), Has.Length.GreaterThanOrEqualTo(43));
        Assert.That(options["rp"]!["id"]!.GetValue<string>(), Is.EqualTo("localhost"));
        Assert.That(options["authenticatorSelection"]!["residentKey"]!.GetValue<string>(), Is.EqualTo("required"));
        Assert.That(options["authenticatorSelection"]!["userVerification"]!.GetValue<string>(), Is.EqualTo("required"));
        Assert.That(options["challenge"]!.GetValue<string>(), Has.Length.GreaterThanOrEqualTo(22));
        Assert.That(options["pubKeyCredParams"]!.AsArray().Select(p => p!["alg"]!.GetValue<int>()), Does.Contain(-7));
    }

    [Test]
    public async Task A_passkey_added_is_listed_with_its_name_and_can_be_renamed()
    {
        var user = await RegisteredAsync("lister", name: "Work laptop");

        var listed = await ListAsync(user.Token);
        var renamed = await Api.SendAsync(HttpMethod.Put, $"/user/me/passkeys/{user.PasskeyId}", Api.Json(new { name = "  Old phone " }), user.Token);

        Assert.That(listed, Has.Count.EqualTo(1));
        Assert.That(listed[0]!["id"]!.GetValue<string>(), Is.EqualTo(user.PasskeyId));
        Assert.That(listed[0]!["name"]!.GetValue<string>(), Is.EqualTo("Work laptop"));
        Assert.That(listed[0]!["created_on"], Is.Not.Null);
        Assert.That(listed[0]!["last_used_on"], Is.Null, "it has not signed in yet");
        Assert.That(listed[0]!["transports"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "internal", "hybrid" }));
        Assert.That(listed[0]!.AsObject().Select(p => p.Key), Has.None.Contains("key").And.None.Contains("credential"));
        Assert.That((renamed.Status, renamed.String("name")), Is.EqualTo((200, "Old phone")));
        Assert.That((await ListAsync(user.Token))[0]!["name"]!.GetValue<string>(), Is.EqualTo("Old phone"));
    }

    [Test]
    public async Task A_user_may_have_several_passkeys_and_one_without_a_name_is_called_Passkey()
    {
        var user = await RegisteredAsync("several", name: "Laptop");

        var second = await AddPasskeyAsync(user.Token, NewAuthenticator());

        Assert.That((second.Status, second.String("name")), Is.EqualTo((200, "Passkey")));
        Assert.That((await ListAsync(user.Token)).Select(p => p!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Laptop", "Passkey" }));
    }

    [Test]
    public async Task Sign_in_options_name_no_credentials_and_a_passkey_signs_in_without_an_email()
    {
        var user = await RegisteredAsync("signer");
        var (_, options) = await SignInOptionsAsync();

        var signedIn = await SignInAsync(user.Authenticator);

        Assert.That(JsonNode.Parse(options)!["allowCredentials"]?.AsArray() ?? [], Is.Empty);
        Assert.That(JsonNode.Parse(options)!["rpId"]!.GetValue<string>(), Is.EqualTo("localhost"));
        Assert.That(signedIn.Status, Is.EqualTo(200), signedIn.Text);
        Assert.That(signedIn.String("status"), Is.EqualTo("success"));
        var token = signedIn.String("Authorization");
        var me = await Api.GetAsync("/user/me", token);
        Assert.That((me.Status, me.String("email")), Is.EqualTo((200, user.Email)));
        Assert.That((await Api.PostAsync("/access-token", new { refreshToken = signedIn.String("refreshToken") })).Status, Is.EqualTo(200));
        Assert.That((await ListAsync(user.Token))[0]!["last_used_on"], Is.Not.Null);
    }

    [Test]
    public async Task With_two_factor_sign_in_on_a_passkey_alone_signs_in()
    {
        var user = await RegisteredAsync("factored");
        var secret = (await Api.PostAsync("/user/me/mfa/totp", new { password = Password }, user.Token)).String("secret");
        var confirmed = await Api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.Code(secret) }, user.Token);
        Assert.That(confirmed.Status, Is.EqualTo(200), confirmed.Text);

        var signedIn = await SignInAsync(user.Authenticator);

        Assert.That(signedIn.Status, Is.EqualTo(200), signedIn.Text);
        Assert.That(signedIn.Body["mfa_token"], Is.Null);
        Assert.That((await Api.GetAsync("/user/me", signedIn.String("Authorization"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_ceremony_id_is_good_once()
    {
        var user = await RegisteredAsync("once");
        var (ceremonyId, options) = await SignInOptionsAsync();

        var first = await Api.PostAsync("/auth/passkey", new { ceremony_id = ceremonyId, credential = user.Authenticator.Get(options) });
        var second = await Api.PostAsync("/auth/passkey", new { ceremony_id = ceremonyId, credential = user.Authenticator.Get(options) });

        Assert.That(first.Status, Is.EqualTo(200), first.Text);
        Assert.That((second.Status, second.String("message")), Is.EqualTo((401, "This passkey request has expired or was used. Please start again.")));
    }

    [Test]
    public async Task A_registration_ceremony_cannot_finish_a_sign_in_nor_another_users_registration()
    {
        var user = await RegisteredAsync("crossed");
        var other = await Api.RegisterAsync(UniqueName("crossedother"));
        var registration = await Api.PostAsync("/user/me/passkeys/options", new { }, user.Token);
        var options = registration.String("options");

        var asSignIn = await Api.PostAsync("/auth/passkey", new { ceremony_id = registration.String("ceremony_id"), credential = user.Authenticator.Get(options) });
        var fresh = await Api.PostAsync("/user/me/passkeys/options", new { }, user.Token);
        var byOther = await Api.PostAsync("/user/me/passkeys",
            new { ceremony_id = fresh.String("ceremony_id"), credential = NewAuthenticator().Create(fresh.String("options")) }, other);

        Assert.That((asSignIn.Status, asSignIn.String("message")), Is.EqualTo((401, "This passkey request has expired or was used. Please start again.")));
        Assert.That((byOther.Status, byOther.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "CeremonyExpired")));
    }

    [Test]
    public async Task An_answer_from_another_origin_is_refused_for_registration_and_sign_in()
    {
        var user = await RegisteredAsync("phished");
        var phishing = NewAuthenticator();
        phishing.Origin = "https://login.example-phish.test";

        var added = await AddPasskeyAsync(user.Token, phishing);
        user.Authenticator.Origin = phishing.Origin;
        var signedIn = await SignInAsync(user.Authenticator);

        Assert.That((added.Status, added.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidCredential")));
        Assert.That(added.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("credential"));
        Assert.That((signedIn.Status, signedIn.String("message")), Is.EqualTo((401, "The passkey could not be verified.")));
        Assert.That(await ListAsync(user.Token), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_counter_that_does_not_go_up_is_refused_as_a_copied_authenticator_and_the_passkey_still_works_above_it()
    {
        var user = await RegisteredAsync("cloned");
        Assert.That((await SignInAsync(user.Authenticator)).Status, Is.EqualTo(200));
        Assert.That((await SignInAsync(user.Authenticator)).Status, Is.EqualTo(200), "counter 2 stored");

        var equal = await SignInWithCounterAsync(user.Authenticator, 2);
        var lower = await SignInWithCounterAsync(user.Authenticator, 1);
        var zero = await SignInWithCounterAsync(user.Authenticator, 0);
        var higher = await SignInWithCounterAsync(user.Authenticator, 10);
        var belowTheNewOne = await SignInWithCounterAsync(user.Authenticator, 9);

        Assert.That((equal.Status, equal.String("message")),
            Is.EqualTo((401, "This passkey's signature counter did not go up: it may have been copied. Sign in another way, and remove it.")));
        Assert.That(lower.Status, Is.EqualTo(401));
        Assert.That(zero.Status, Is.EqualTo(401), "a counter of 0 after a non-zero one");
        Assert.That(higher.Status, Is.EqualTo(200), higher.Text);
        Assert.That(belowTheNewOne.Status, Is.EqualTo(401), "the counter stored is the highest seen");
    }

    [Test]
    public async Task An_authenticator_that_keeps_no_counter_signs_in_with_0_every_time()
    {
        var user = await RegisteredAsync("counterless");

        var first = await SignInWithCounterAsync(user.Authenticator, 0);
        var second = await SignInWithCounterAsync(user.Authenticator, 0);

        Assert.That((first.Status, second.Status), Is.EqualTo((200, 200)), second.Text);
    }

    private async Task<ApiResponse> SignInWithCounterAsync(SoftwareAuthenticator authenticator, uint counter)
    {
        var (ceremonyId, options) = await SignInOptionsAsync();
        return await Api.PostAsync("/auth/passkey", new { ceremony_id = ceremonyId, credential = authenticator.Get(options, replayCounter: counter) });
    }

    [Test]
    public async Task An_unknown_passkey_is_refused()
    {
        var user = await RegisteredAsync("forgotten");
        var stranger = NewAuthenticator();
        stranger.Credentials.Add(new SoftwareAuthenticator.Credential(
            [1, 2, 3, 4, 5, 6, 7, 8], System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256),
            "localhost", user.Authenticator.Credentials[0].UserHandle));

        var signedIn = await SignInAsync(stranger);

        Assert.That((signedIn.Status, signedIn.String("message")), Is.EqualTo((401, "This passkey is not registered here. Sign in another way, and add it again.")));
    }

    [Test]
    public async Task Removing_a_passkey_takes_the_password_and_it_signs_in_no_more()
    {
        var user = await RegisteredAsync("remover");
        var path = $"/user/me/passkeys/{user.PasskeyId}";

        var nothing = await Api.SendAsync(HttpMethod.Delete, path, Api.Json(new { }), user.Token);
        var wrong = await Api.SendAsync(HttpMethod.Delete, path, Api.Json(new { password = "not-my-password" }), user.Token);
        var codeAlone = await Api.SendAsync(HttpMethod.Delete, path, Api.Json(new { code = "123456" }), user.Token);
        var removed = await Api.SendAsync(HttpMethod.Delete, path, Api.Json(new { password = Password }), user.Token);

        Assert.That((nothing.Status, nothing.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>()), Is.EqualTo((400, "password")));
        Assert.That((wrong.Status, wrong.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidPassword")));
        Assert.That((codeAlone.Status, codeAlone.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>()), Is.EqualTo((400, "password")), "a code is no password");
        Assert.That(removed.Status, Is.EqualTo(204), removed.Text);
        Assert.That(await ListAsync(user.Token), Is.Empty);
        Assert.That((await SignInAsync(user.Authenticator)).Status, Is.EqualTo(401));
        Assert.That((await Api.SendAsync(HttpMethod.Delete, path, Api.Json(new { password = Password }), user.Token)).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task With_two_factor_sign_in_on_removing_a_passkey_takes_the_password_and_a_current_code()
    {
        var user = await RegisteredAsync("coderemover");
        var secret = (await Api.PostAsync("/user/me/mfa/totp", new { password = Password }, user.Token)).String("secret");
        var step = Rfc6238.StepAt(DateTimeOffset.UtcNow);
        Assert.That((await Api.PostAsync("/user/me/mfa/totp/confirm", new { code = Rfc6238.CodeAtStep(secret, step - 1) }, user.Token)).Status, Is.EqualTo(200));
        var path = $"/user/me/passkeys/{user.PasskeyId}";

        var codeAlone = await Api.SendAsync(HttpMethod.Delete, path, Api.Json(new { code = Rfc6238.CodeAtStep(secret, step) }), user.Token);
        var passwordAlone = await Api.SendAsync(HttpMethod.Delete, path, Api.Json(new { password = Password }), user.Token);
        var both = await Api.SendAsync(HttpMethod.Delete, path, Api.Json(new { password = Password, code = Rfc6238.CodeAtStep(secret, step + 1) }), user.Token);

        Assert.That(codeAlone.Status, Is.EqualTo(400));
        Assert.That((passwordAlone.Status, passwordAlone.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "InvalidCode")));
        Assert.That(both.Status, Is.EqualTo(204), both.Text);
    }

    [Test]
    public async Task Another_users_passkey_is_not_found()
    {
        var owner = await RegisteredAsync("owner");
        var other = await Api.RegisterAsync(UniqueName("nosy"));
        var path = $"/user/me/passkeys/{owner.PasskeyId}";

        var rename = await Api.SendAsync(HttpMethod.Put, path, Api.Json(new { name = "mine now" }), other);
        var remove = await Api.SendAsync(HttpMethod.Delete, path, Api.Json(new { password = Password }), other);
        var malformed = await Api.SendAsync(HttpMethod.Put, "/user/me/passkeys/not-an-id", Api.Json(new { name = "x" }), other);

        Assert.That(new[] { rename.Status, remove.Status, malformed.Status }, Has.All.EqualTo(404));
        Assert.That(await ListAsync(owner.Token), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_locked_account_is_refused_a_passkey_sign_in_as_a_password_one()
    {
        var admin = await Factory.CreateAdminAsync(UniqueName("passkeyadmin"));
        var user = await RegisteredAsync("lockedout");
        var locked = await Api.PostAsync($"/user/{new JsonWebToken(user.Token).Subject}/lock", new { }, admin);
        Assert.That(locked.Status, Is.InRange(200, 204), locked.Text);

        var signedIn = await SignInAsync(user.Authenticator);

        Assert.That((signedIn.Status, signedIn.String("message")), Is.EqualTo((401, "This account is locked. Please contact an administrator.")));
    }

    [Test]
    public async Task An_account_locked_out_by_failed_sign_ins_is_refused_a_passkey_sign_in_too()
    {
        var user = await RegisteredAsync("guessedat");
        for (var i = 0; i < 5; i++)
            await Api.PostAsync("/auth/login", new { email = user.Email, password = "wrong-password" });

        var signedIn = await SignInAsync(user.Authenticator);

        Assert.That((signedIn.Status, signedIn.String("message")), Is.EqualTo((401, "Too many failed sign-ins: this account is locked for a while. Please try again later.")));
    }

    [Test]
    public async Task With_verified_addresses_required_an_unverified_account_is_refused_a_passkey_sign_in()
    {
        var user = await RegisteredAsync("unverified");
        using var strict = new ApiFactory(database: Factory.Database) { Settings = { ["Auth:RequireVerifiedEmail"] = "true" } };

        var signedIn = await SignInAsync(user.Authenticator, api: strict.CreateApi());

        Assert.That((signedIn.Status, signedIn.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((403, "EmailNotVerified")));
    }

    [Test]
    public async Task A_credential_that_is_not_json_is_a_400_that_says_so()
    {
        var user = await RegisteredAsync("garbled");
        var options = await Api.PostAsync("/user/me/passkeys/options", new { }, user.Token);
        var (ceremonyId, signInOptions) = await SignInOptionsAsync();

        var added = await Api.PostAsync("/user/me/passkeys", new { ceremony_id = options.String("ceremony_id"), credential = "{not json" }, user.Token);
        var wrongShape = await Api.PostAsync("/user/me/passkeys", new { ceremony_id = options.String("ceremony_id"), credential = "{\"id\":1}" }, user.Token);
        var signIn = await Api.PostAsync("/auth/passkey", new { ceremony_id = ceremonyId, credential = "[]" });
        var badBase64 = await Api.PostAsync("/auth/passkey", new { ceremony_id = ceremonyId, credential = """{"id":"a","rawId":"%%%","type":"public-key","response":{}}""" });
        var missing = await Api.PostAsync("/auth/passkey", new { ceremony_id = ceremonyId });

        foreach (var answer in new[] { added, wrongShape, signIn, badBase64 })
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That(answer.ResponseStatus["message"]!.GetValue<string>(), Is.EqualTo("credential must be the JSON text of what the browser answered."));
            Assert.That(answer.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("credential"));
        }
        Assert.That((missing.Status, missing.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>()), Is.EqualTo((400, "credential")));
        var signedIn = await Api.PostAsync("/auth/passkey", new { ceremony_id = ceremonyId, credential = user.Authenticator.Get(signInOptions) });
        Assert.That(signedIn.Status, Is.EqualTo(200), "a malformed answer spends no ceremony");
    }

    [Test]
    public async Task A_name_longer_than_100_characters_is_refused()
    {
        var user = await RegisteredAsync("longname");

        var renamed = await Api.SendAsync(HttpMethod.Put, $"/user/me/passkeys/{user.PasskeyId}", Api.Json(new { name = new string('n', 101) }), user.Token);
        var blank = await Api.SendAsync(HttpMethod.Put, $"/user/me/passkeys/{user.PasskeyId}", Api.Json(new { name = "   " }), user.Token);

        Assert.That((renamed.Status, renamed.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>()), Is.EqualTo((400, "name")));
        Assert.That(blank.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task The_same_authenticator_cannot_be_added_twice()
    {
        var user = await RegisteredAsync("twice");
        var options = await Api.PostAsync("/user/me/passkeys/options", new { }, user.Token);

        var excluded = JsonNode.Parse(options.String("options"))!["excludeCredentials"]!.AsArray();

        Assert.That(excluded.Select(c => c!["id"]!.GetValue<string>()),
            Is.EqualTo(new[] { System.Buffers.Text.Base64Url.EncodeToString(user.Authenticator.Credentials[0].Id) }));
    }

    [Test]
    public async Task Deleting_the_user_deletes_their_passkeys()
    {
        var user = await RegisteredAsync("leaver");

        var deleted = await Api.SendAsync(HttpMethod.Delete, "/user/me", Api.Json(new { password = Password }), user.Token);
        var signedIn = await SignInAsync(user.Authenticator);

        Assert.That(deleted.Status, Is.InRange(200, 204), deleted.Text);
        Assert.That(signedIn.Status, Is.EqualTo(401));
        Assert.That(signedIn.String("message"), Does.StartWith("This passkey is not registered here."));
        using var scope = Factory.Services.CreateScope();
        var credentialId = System.Buffers.Text.Base64Url.EncodeToString(user.Authenticator.Credentials[0].Id);
        Assert.That(await scope.ServiceProvider.GetRequiredService<AppDb>().Passkeys.CountAsync(p => p.CredentialId == credentialId), Is.Zero, "the row went too");
    }

    [Test]
    public async Task ServiceStacks_clients_remove_a_passkey_with_POST_to_api_DeletePasskey()
    {
        var user = await RegisteredAsync("ssremover");

        var removed = await Api.PostAsync("/api/DeletePasskey", new { id = user.PasskeyId, password = Password }, user.Token);
        var inQuery = await Api.SendAsync(HttpMethod.Delete, $"/user/me/passkeys/{user.PasskeyId}?password={Password}", token: user.Token);

        Assert.That(removed.Status, Is.InRange(200, 204), removed.Text);
        Assert.That(await ListAsync(user.Token), Is.Empty);
        Assert.That(inQuery.Status, Is.EqualTo(400), "a password in a URL is refused, not used");
    }

    [Test]
    public async Task The_sign_in_ceremony_works_on_another_host_of_the_same_database()
    {
        var user = await RegisteredAsync("otherhost");
        using var other = new ApiFactory(database: Factory.Database);
        var (ceremonyId, options) = await SignInOptionsAsync();

        var signedIn = await other.CreateApi().PostAsync("/auth/passkey", new { ceremony_id = ceremonyId, credential = user.Authenticator.Get(options) });

        Assert.That(signedIn.Status, Is.EqualTo(200), signedIn.Text);
    }

    [Test]
    public async Task A_passkey_sign_in_that_asks_for_cookies_sets_them_and_keeps_the_tokens_out_of_the_body()
    {
        var user = await RegisteredAsync("cookied");
        // A client of its own, as a browser is: the fixture's must not keep the cookies.
        var browser = Factory.CreateApi();
        var (ceremonyId, options) = await SignInOptionsAsync(browser);

        var signedIn = await browser.PostAsync("/auth/passkey", new { ceremony_id = ceremonyId, credential = user.Authenticator.Get(options), useTokenCookie = true });

        Assert.That(signedIn.Status, Is.EqualTo(200), signedIn.Text);
        Assert.That(signedIn.Message.Headers.GetValues("Set-Cookie"), Has.Exactly(1).StartsWith("ss-tok=").And.Exactly(1).StartsWith("ss-reftok="));
        Assert.That(signedIn.Body["Authorization"], Is.Null);
        Assert.That(signedIn.Body["refreshToken"], Is.Null);
    }

    [Test]
    public async Task On_an_IP_address_passkeys_answer_a_400_that_says_App_PublicUrl_must_name_a_host()
    {
        using var numeric = new ApiFactory(database: Factory.Database) { Settings = { ["App:PublicUrl"] = "http://127.0.0.1:5000" } };
        var api = numeric.CreateApi();
        var token = await api.RegisterAsync(UniqueName("numeric"));

        var registration = await api.PostAsync("/user/me/passkeys/options", new { }, token);
        var signIn = await api.PostAsync("/auth/passkey/options");

        foreach (var answer in new[] { registration, signIn })
        {
            Assert.That((answer.Status, answer.ResponseStatus["errorCode"]!.GetValue<string>()), Is.EqualTo((400, "PasskeyHostRequired")));
            Assert.That(answer.String("message"), Does.Contain("App:PublicUrl").And.Contain("http://localhost:5000"));
        }
    }

    [Test]
    public async Task Passkeys_are_audited_and_no_log_line_holds_a_ceremony_id_or_a_key()
    {
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(logs: logs, kind: Kind) { Settings = { ["Logging:LogLevel:Default"] = "Trace" } };
        var api = factory.CreateApi();
        var token = await api.RegisterAsync("passkeyaudited");
        var publicId = new JsonWebToken(token).Subject;
        var authenticator = new SoftwareAuthenticator(api.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var registration = await api.PostAsync("/user/me/passkeys/options", new { }, token);
        var credential = authenticator.Create(registration.String("options"));
        var passkeyId = (await api.PostAsync("/user/me/passkeys", new { ceremony_id = registration.String("ceremony_id"), credential }, token)).String("id");
        var signIn = await api.PostAsync("/auth/passkey/options");
        await api.PostAsync("/auth/passkey", new { ceremony_id = signIn.String("ceremony_id"), credential = authenticator.Get(signIn.String("options")) });
        var replay = await api.PostAsync("/auth/passkey/options");
        await api.PostAsync("/auth/passkey", new { ceremony_id = replay.String("ceremony_id"), credential = authenticator.Get(replay.String("options"), replayCounter: 1) });
        await api.SendAsync(HttpMethod.Delete, $"/user/me/passkeys/{passkeyId}", Api.Json(new { password = Password }), token);

        var lines = logs.Lines.ToList();
        var rawId = JsonNode.Parse(credential)!["rawId"]!.GetValue<string>();
        foreach (var leaked in new[] { registration.String("ceremony_id"), signIn.String("ceremony_id"), replay.String("ceremony_id"), rawId, Password })
            Assert.That(lines, Has.None.Contains(leaked), $"a log line holds {leaked[..4]}…");
        var audit = lines.Where(l => l.Contains("audit ", StringComparison.Ordinal) && l.Contains($"user={publicId}", StringComparison.Ordinal)).ToList();
        foreach (var kind in new[] { $"passkey added user={publicId} passkey={passkeyId}", "passkey used to sign in", "sign-in succeeded",
                     "passkey counter did not go up", "reason=passkey counter did not go up", $"passkey removed user={publicId} passkey={passkeyId}" })
            Assert.That(audit, Has.Some.Contains(kind), kind);
    }
}
