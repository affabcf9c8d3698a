using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.ApiKeys;

/// <summary>On production settings: what a leaked or guessed key meets, and what its owner is told.</summary>
public class ApiKeyAbuseTests
{
    private const string Password = "password-123";

    [Test]
    public async Task Bad_keys_are_rate_limited_per_client_and_past_the_budget_not_even_looked_up()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("limited");
        var key = (await host.Api.PostAsync("/apikeys", new { name = "script", password = Password }, token)).String("key");
        var guesses = new List<int>();

        for (var i = 0; i < 10; i++)
            guesses.Add((await Send(host, "ssbk_" + Guid.NewGuid().ToString("N") + "0123456789a", "203.0.113.9")).Status);
        var limited = await Send(host, "ssbk_" + new string('B', 43), "203.0.113.9");
        var realKeySameClient = await Send(host, key, "203.0.113.9");
        var realKeyElsewhere = await Send(host, key, "198.51.100.4");

        Assert.That(guesses, Is.All.EqualTo(401), "the production budget: 10 a minute");
        Assert.That(limited.Status, Is.EqualTo(429), limited.Text);
        Assert.That(limited.Header("Retry-After"), Is.Not.Null);
        Assert.That(limited.String("message"), Does.StartWith("Too many requests with a bad API key"));
        Assert.That(realKeySameClient.Status, Is.EqualTo(429), "a client past its budget gets no lookup, so a good guess tells it nothing");
        Assert.That(realKeyElsewhere.Status, Is.EqualTo(200), "other clients are not held up");
    }

    [Test]
    public async Task Making_a_key_mails_its_owner_a_notice_and_the_key_lands_in_no_log()
    {
        using var host = new ProductionHost();
        var token = await host.RegisterAsync("notified");

        var key = (await host.Api.PostAsync("/apikeys", new { name = "deploys", password = Password }, token)).String("key");
        Assert.That((await host.Api.GetAsync("/user/me", key)).Status, Is.EqualTo(200));

        Assert.That(await host.MailAsync("notified@example.com", "an API key was made"), Has.Count.EqualTo(1));
        Assert.That(host.Audited("api key created"), Has.Count.EqualTo(1));
        Assert.That(host.Logs.Lines, Has.None.Contains(key[5..]));
    }

    private static Task<ApiResponse> Send(ProductionHost host, string key, string client) =>
        host.Api.SendAsync(HttpMethod.Get, "/user/me", authorization: "Bearer " + key, forwardedFor: client);
}
