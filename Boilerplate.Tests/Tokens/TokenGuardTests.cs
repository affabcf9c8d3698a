using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Tokens;

/// <summary>How every guarded route reads and judges the Authorization header.</summary>
[OnEachDatabase]
public class TokenGuardTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task A_bare_token_without_the_bearer_scheme_is_accepted()
    {
        var token = await Api.RegisterAsync(UniqueName());
        var response = await Api.SendAsync(HttpMethod.Get, "/user/me", authorization: token);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task The_seeds_bearer_without_a_space_is_accepted()
    {
        var token = await Api.RegisterAsync(UniqueName());
        var response = await Api.SendAsync(HttpMethod.Get, "/user/me", authorization: "Bearer" + token);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task The_scheme_in_any_casing_and_spaces_around_the_token_are_accepted()
    {
        var token = await Api.RegisterAsync(UniqueName());
        var response = await Api.SendAsync(HttpMethod.Get, "/user/me", authorization: "bEARER   " + token + "  ");
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [TestCase("Bearer not.a.jwt")]
    [TestCase("garbage")]
    [TestCase("Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl")]
    public async Task An_invalid_token_is_401_invalid_token(string header)
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/user/me", authorization: header);

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.String("status"), Is.EqualTo("fail"));
        Assert.That(response.String("message"), Is.EqualTo("Invalid token. Please log in again."));
        Assert.That(response.Header("WWW-Authenticate"), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task An_expired_token_is_401_signature_expired_on_every_guarded_route()
    {
        await Api.RegisterAsync(UniqueName());
        var me = (await Api.GetAsync("/user/me", await Api.RegisterAsync(UniqueName()))).String("public_id");
        var expired = StandaloneTokens.OfHost(Factory.Services, new TestClock(DateTimeOffset.UtcNow.AddDays(-3)))
            .Issue(new() { PublicId = me, Email = "x@example.com", Username = "x" }, Guid.NewGuid().ToString("N"));

        foreach (var (method, path) in new[] { (HttpMethod.Get, "/user/me"), (HttpMethod.Get, "/user"), (HttpMethod.Get, $"/user/{me}"), (HttpMethod.Post, "/auth/logout") })
        {
            var response = await Api.SendAsync(method, path, token: expired);
            Assert.That(response.Status, Is.EqualTo(401), path);
            Assert.That(response.String("message"), Is.EqualTo("Signature expired. Please log in again."), path);
        }
    }

    [Test]
    public async Task A_revoked_token_is_401_on_every_guarded_route()
    {
        var token = await Api.RegisterAsync(UniqueName());
        var me = (await Api.GetAsync("/user/me", token)).String("public_id");
        await Api.PostAsync("/auth/logout", token: token);

        foreach (var path in new[] { "/user/me", "/user", $"/user/{me}" })
        {
            var response = await Api.GetAsync(path, token);
            Assert.That(response.Status, Is.EqualTo(401), path);
            Assert.That(response.String("message"), Is.EqualTo("Token blacklisted. Please log in again."), path);
        }
    }

    [Test]
    public async Task Open_routes_ignore_a_bad_token()
    {
        var name = UniqueName();
        var response = await Api.SendAsync(HttpMethod.Post, "/user",
            Api.Json(new { email = $"{name}@example.com", username = name, password = "password-123" }), authorization: "Bearer junk");
        Assert.That(response.Status, Is.EqualTo(201), response.Text);
    }
}
