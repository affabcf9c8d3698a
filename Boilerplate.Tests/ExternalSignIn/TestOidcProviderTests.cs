using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Boilerplate.Tests.ExternalSignIn;

/// <summary>
/// The test OpenID Connect provider does what the external sign-in tests count on: a discovery document,
/// the authorization code flow with PKCE and client_secret_post, and the user's claims in the ID token.
/// </summary>
public class TestOidcProviderTests
{
    private const string ClientId = "boilerplate";
    private const string ClientSecret = "a-client-secret-for-the-test-provider";
    private const string RedirectUri = "http://localhost/auth/testid/callback";

    private TestOidcProvider provider = null!;
    private readonly HttpClient http = new();

    [OneTimeSetUp]
    public async Task Start() => provider = await TestOidcProvider.StartAsync((ClientId, ClientSecret, RedirectUri));

    [OneTimeTearDown]
    public async Task Stop()
    {
        http.Dispose();
        if (provider is not null)
            await provider.DisposeAsync();
    }

    [Test]
    public async Task The_discovery_document_names_the_issuer_and_the_endpoints_a_client_needs()
    {
        var discovery = await DiscoveryAsync();

        Assert.Multiple(() =>
        {
            Assert.That(discovery["issuer"]!.GetValue<string>(), Is.EqualTo(provider.Authority));
            Assert.That(provider.Issuer, Is.EqualTo(new Uri(provider.Authority)));
            Assert.That(discovery["authorization_endpoint"]!.GetValue<string>(), Does.StartWith(provider.Authority + "/"));
            Assert.That(discovery["token_endpoint"]!.GetValue<string>(), Does.StartWith(provider.Authority + "/"));
            Assert.That(discovery["jwks_uri"]!.GetValue<string>(), Does.StartWith(provider.Authority + "/"));
        });
    }

    [Test]
    public async Task Signing_in_returns_a_code_that_the_token_endpoint_exchanges_for_an_id_token_with_the_users_claims()
    {
        var (authorizeUrl, verifier) = await AuthorizeUrlAsync(state: "state-1", nonce: "nonce-1");

        var back = await provider.SignInAsync(authorizeUrl, "user-1", "ann@example.com", emailVerified: true, name: "Ann");

        var query = QueryHelpers.ParseQuery(back.Query);
        Assert.Multiple(() =>
        {
            Assert.That(back.GetLeftPart(UriPartial.Path), Is.EqualTo(RedirectUri));
            Assert.That(query.ContainsKey("code"), back.ToString());
            Assert.That(query["state"].ToString(), Is.EqualTo("state-1"));
        });
        var idToken = await ExchangeAsync(query["code"].ToString(), verifier);
        Assert.Multiple(() =>
        {
            Assert.That(idToken["iss"]!.GetValue<string>(), Is.EqualTo(provider.Authority));
            Assert.That(idToken["aud"]!.GetValue<string>(), Is.EqualTo(ClientId));
            Assert.That(idToken["sub"]!.GetValue<string>(), Is.EqualTo("user-1"));
            Assert.That(idToken["email"]!.GetValue<string>(), Is.EqualTo("ann@example.com"));
            Assert.That(idToken["email_verified"]!.GetValue<bool>(), Is.True);
            Assert.That(idToken["name"]!.GetValue<string>(), Is.EqualTo("Ann"));
            Assert.That(idToken["nonce"]!.GetValue<string>(), Is.EqualTo("nonce-1"));
        });
    }

    [Test]
    public async Task Every_sign_in_shows_the_page_again_and_signs_in_the_sub_given_there()
    {
        var (first, firstVerifier) = await AuthorizeUrlAsync(state: "first", nonce: "n-first");
        var (second, secondVerifier) = await AuthorizeUrlAsync(state: "second", nonce: "n-second");

        var firstBack = await provider.SignInAsync(first, "user-a", "a@example.com", emailVerified: true);
        var secondBack = await provider.SignInAsync(second, "user-b", "b@example.com", emailVerified: false);

        var firstToken = await ExchangeAsync(QueryHelpers.ParseQuery(firstBack.Query)["code"].ToString(), firstVerifier);
        var secondToken = await ExchangeAsync(QueryHelpers.ParseQuery(secondBack.Query)["code"].ToString(), secondVerifier);
        Assert.Multiple(() =>
        {
            Assert.That(firstToken["sub"]!.GetValue<string>(), Is.EqualTo("user-a"));
            Assert.That(secondToken["sub"]!.GetValue<string>(), Is.EqualTo("user-b"));
            Assert.That(secondToken["email"]!.GetValue<string>(), Is.EqualTo("b@example.com"));
            Assert.That(secondToken["email_verified"]!.GetValue<bool>(), Is.False);
            Assert.That(secondToken["name"]!.GetValue<string>(), Is.EqualTo("Test User"));
        });
    }

    [Test]
    public async Task Denying_returns_access_denied_with_the_state()
    {
        var (authorizeUrl, _) = await AuthorizeUrlAsync(state: "state-2", nonce: "nonce-2");

        var back = await provider.DenyAsync(authorizeUrl);

        var query = QueryHelpers.ParseQuery(back.Query);
        Assert.Multiple(() =>
        {
            Assert.That(back.GetLeftPart(UriPartial.Path), Is.EqualTo(RedirectUri));
            Assert.That(query["error"].ToString(), Is.EqualTo("access_denied"));
            Assert.That(query["state"].ToString(), Is.EqualTo("state-2"));
            Assert.That(query.ContainsKey("code"), Is.False);
        });
    }

    private async Task<JsonNode> DiscoveryAsync() =>
        JsonNode.Parse(await http.GetStringAsync(provider.Authority + "/.well-known/openid-configuration"))!;

    /// <summary>An authorization request as the service's OpenID Connect handler makes it, and its PKCE verifier.</summary>
    private async Task<(Uri Url, string Verifier)> AuthorizeUrlAsync(string state, string nonce)
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var url = QueryHelpers.AddQueryString((await DiscoveryAsync())["authorization_endpoint"]!.GetValue<string>(), new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid email profile",
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        return (new Uri(url), verifier);
    }

    /// <summary>The code exchanged at the token endpoint with client_secret_post; the ID token's payload, unverified.</summary>
    private async Task<JsonNode> ExchangeAsync(string code, string verifier)
    {
        using var response = await http.PostAsync((await DiscoveryAsync())["token_endpoint"]!.GetValue<string>(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, body);
        var idToken = JsonNode.Parse(body)!["id_token"]!.GetValue<string>();
        return JsonNode.Parse(Base64Url.DecodeFromChars(idToken.Split('.')[1]))!;
    }
}
