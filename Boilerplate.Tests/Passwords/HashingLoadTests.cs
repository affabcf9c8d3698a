using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Passwords;

/// <summary>bcrypt work is bounded: past the permits and the queue, sign-in answers 503, not a pile-up.</summary>
public class HashingLoadTests
{
    [Test]
    public async Task Past_the_hashing_permits_and_queue_sign_in_is_503_with_retry_after()
    {
        using var factory = new ApiFactory
        {
            Settings = { ["Auth:BcryptWorkFactor"] = "12", ["Auth:MaxConcurrentHashes"] = "1", ["Auth:HashQueueLimit"] = "0" },
        };
        var api = factory.CreateApi();
        await api.RegisterAsync("busy");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            api.PostAsync("/auth/login", new { email = "busy@example.com", password = "password-123" })));

        Assert.That(attempts.Select(a => a.Status), Is.All.AnyOf(200, 503));
        Assert.That(attempts, Has.Some.Matches<ApiResponse>(a => a.Status == 200));
        var busy = attempts.First(a => a.Status == 503);
        Assert.That(busy.Header("Retry-After"), Is.EqualTo("1"));
        Assert.That(busy.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("ServerBusy"));
        Assert.That((await api.PostAsync("/auth/login", new { email = "busy@example.com", password = "password-123" })).Status, Is.EqualTo(200),
            "a refused sign-in does not count as a failure");
    }

    [Test]
    public async Task Only_the_guesses_bcrypt_looked_at_count_toward_the_lockout_not_those_refused_as_busy()
    {
        using var factory = new ApiFactory
        {
            Settings = { ["Auth:BcryptWorkFactor"] = "12", ["Auth:MaxConcurrentHashes"] = "1", ["Auth:HashQueueLimit"] = "0" },
        };
        var api = factory.CreateApi();
        await api.RegisterAsync("busywrong");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            api.PostAsync("/auth/login", new { email = "busywrong@example.com", password = "wrong-password-1" })));

        Assert.That(attempts.Count(a => a.Status == 503), Is.GreaterThanOrEqualTo(4), "most were refused unchecked");
        var signIn = await api.PostAsync("/auth/login", new { email = "busywrong@example.com", password = "password-123" });
        Assert.That(signIn.Status, Is.EqualTo(200), $"only {attempts.Count(a => a.Status == 401)} wrong password(s) were checked: {signIn.Text}");
    }

    [Test]
    public async Task An_unknown_email_costs_the_same_bcrypt_work_as_a_wrong_password()
    {
        // With one permit and no queue, only sign-ins that really run bcrypt can be refused as busy.
        using var factory = new ApiFactory
        {
            Settings = { ["Auth:BcryptWorkFactor"] = "12", ["Auth:MaxConcurrentHashes"] = "1", ["Auth:HashQueueLimit"] = "0" },
        };
        var api = factory.CreateApi();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            api.PostAsync("/auth/login", new { email = $"nobody{i}@example.com", password = "password-123" })));

        Assert.That(attempts.Select(a => a.Status), Is.All.AnyOf(401, 503));
        Assert.That(attempts, Has.Some.Matches<ApiResponse>(a => a.Status == 503), "unknown emails go through bcrypt too");
    }
}
