using Boilerplate.ServiceModel;
using Boilerplate.Tests.Support;
using ServiceStack;

namespace Boilerplate.Tests.Client;

/// <summary>
/// The typed client renews an expired access token by itself, across consecutive expiries, with
/// rotation on. Access tokens here live 2 s, so the test waits them out (about 8 s in all).
/// </summary>
[OnEachDatabase]
public class TokenRenewalTests(DatabaseKind kind)
{
    [Test]
    public async Task The_typed_client_renews_across_three_expiries_with_rotation_on()
    {
        using var factory = new ApiFactory(kind: kind)
        {
            Settings = { ["Auth:AccessTokenLifetime"] = "00:00:02", ["Auth:ClockSkew"] = "00:00:00" },
        };
        using var client = new JsonServiceClient(factory.CreateClient());
        var signIn = await client.PostAsync(new CreateUser { Email = "renew@example.com", Username = "renew", Password = "password-123" });
        client.BearerToken = signIn.Authorization;
        client.RefreshToken = signIn.RefreshToken;

        var seen = new List<(string Bearer, string Refresh)> { (client.BearerToken!, client.RefreshToken!) };
        for (var expiry = 1; expiry <= 3; expiry++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2500));
            var me = await client.GetAsync(new GetCurrentUser());

            Assert.That(me.Username, Is.EqualTo("renew"), $"after expiry {expiry}");
            seen.Add((client.BearerToken!, client.RefreshToken!));
        }

        Assert.That(seen.Select(s => s.Bearer).Distinct().Count(), Is.EqualTo(4), "a new access token per expiry");
        Assert.That(seen.Select(s => s.Refresh).Distinct().Count(), Is.EqualTo(4), "a rotated refresh token per expiry");
    }

    [Test]
    public async Task Without_a_refresh_token_a_401_reaches_the_caller()
    {
        using var factory = new ApiFactory(kind: kind);
        using var client = new JsonServiceClient(factory.CreateClient()) { BearerToken = "expired.or.bad" };

        var error = Assert.ThrowsAsync<WebServiceException>(() => client.GetAsync(new GetCurrentUser()));
        Assert.That(error!.StatusCode, Is.EqualTo(401));
    }
}
