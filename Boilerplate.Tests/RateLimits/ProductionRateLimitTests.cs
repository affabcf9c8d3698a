using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.RateLimits;

/// <summary>Production's own budgets, as a client behind its proxy meets them.</summary>
public class ProductionRateLimitTests
{
    [Test]
    public async Task Ten_sign_ins_a_minute_from_one_ipv6_64_block_however_many_addresses_it_uses()
    {
        using var host = new ProductionHost();

        var statuses = new List<int>();
        for (var i = 1; i <= 11; i++)
            statuses.Add((await SignInAsync(host, $"2001:db8:42:7:{i:x}::{i * 31:x}")).Status);

        Assert.That(statuses.Take(10), Is.All.EqualTo(401));
        Assert.That(statuses[10], Is.EqualTo(429));
        Assert.That((await SignInAsync(host, "2001:db8:42:8::1")).Status, Is.EqualTo(401), "the next block is another client");
    }

    [Test]
    public async Task Five_mails_an_hour_to_one_address_however_many_clients_ask()
    {
        using var host = new ProductionHost();

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await host.Api.SendAsync(HttpMethod.Post, "/auth/forgot-password", Api.Json(new { email = "victim@example.com" }), forwardedFor: $"198.51.100.{i}")).Status);
        var refused = await host.Api.SendAsync(HttpMethod.Post, "/auth/verify-email/resend", Api.Json(new { email = "victim@example.com" }), forwardedFor: "198.51.100.77");

        Assert.That(statuses, Is.EqualTo(new[] { 202, 202, 202, 202, 202, 429 }));
        Assert.That(refused.Status, Is.EqualTo(429));
        Assert.That(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(3500, 3600));
    }

    private static Task<ApiResponse> SignInAsync(ProductionHost host, string client) =>
        host.Api.SendAsync(HttpMethod.Post, "/auth/login", Api.Json(new { email = "x@example.com", password = "wrong-password" }), forwardedFor: client);
}
