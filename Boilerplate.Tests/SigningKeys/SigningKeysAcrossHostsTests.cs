using System.Diagnostics;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.SigningKeys;

/// <summary>
/// Every host signs with the same key and honours a revocation within a second: a rotation or a
/// revocation on one host reaches the others through the database's change stream. Two hosts on
/// one PostgreSQL database.
/// </summary>
[NonParallelizable]
public class SigningKeysAcrossHostsTests() : TwoHostFixture("keys_root")
{
    [Test]
    public async Task A_key_rotated_now_on_one_host_signs_on_the_other_within_a_second_and_each_accepts_the_others_tokens()
    {
        var name = "rotated_" + Guid.NewGuid().ToString("N")[..8];
        await A.RegisterAsync(name);

        var kid = (await A.PostAsync("/signing-keys/rotate", new { activateNow = true }, AdminToken)).String("kid");
        var clock = Stopwatch.StartNew();
        string fromB;
        do
            fromB = await B.LoginAsync($"{name}@example.com", "password-123");
        while (new JsonWebToken(fromB).Kid != kid && clock.Elapsed < Guarantee);

        Assert.That(new JsonWebToken(fromB).Kid, Is.EqualTo(kid), $"B still signed with the old key after {clock.Elapsed.TotalMilliseconds:0} ms");
        var fromA = await A.LoginAsync($"{name}@example.com", "password-123");
        Assert.That((await A.GetAsync("/user/me", fromB)).Status, Is.EqualTo(200));
        Assert.That((await B.GetAsync("/user/me", fromA)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_key_revoked_on_one_host_is_refused_by_the_other_within_a_second()
    {
        await A.PostAsync("/signing-keys/rotate", new { activateNow = true }, AdminToken);
        await WaitUntilSignedWith(B, (await A.GetAsync("/signing-keys", AdminToken)).Body["results"]![0]!["kid"]!.GetValue<string>());
        var token = await B.RegisterAsync("revoked_" + Guid.NewGuid().ToString("N")[..8]);
        Assert.That((await B.GetAsync("/user/me", token)).Status, Is.EqualTo(200), "B remembers the token's validation");

        var revoked = await A.SendAsync(HttpMethod.Delete, $"/signing-keys/{new JsonWebToken(token).Kid}", token: AdminToken);
        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);

        var clock = Stopwatch.StartNew();
        int status;
        do
            status = (await B.GetAsync("/user/me", token)).Status;
        while (status == 200 && clock.Elapsed < Guarantee);
        Assert.That(status, Is.EqualTo(401), $"B still took the token after {clock.Elapsed.TotalMilliseconds:0} ms");
        var jwks = await B.GetAsync("/.well-known/jwks.json");
        Assert.That(jwks.Text, Does.Not.Contain(new JsonWebToken(token).Kid));
    }

    private static async Task WaitUntilSignedWith(Api host, string kid)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Guarantee)
        {
            var keys = (await host.GetAsync("/.well-known/jwks.json")).Text;
            if (keys.Contains(kid, StringComparison.Ordinal))
                return;
            await Task.Delay(20);
        }
        Assert.Fail($"{kid} never reached the other host");
    }
}
