using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Users;

public class ConcurrentRegistrationTests
{
    [Test]
    public async Task Concurrent_registrations_of_one_email_give_one_201_and_the_rest_409()
    {
        // A queue long enough for every attempt: this is about the unique email, not about the
        // 503 that sheds bcrypt work past the queue (HashingLoadTests).
        using var factory = new ApiFactory { Settings = { ["Auth:HashQueueLimit"] = "200" } };
        var api = factory.CreateApi();

        var attempts = await Concurrently.RunAsync(100, i => api.PostAsync("/user", new
        {
            email = "same@example.com",
            username = $"same_{i}",
            password = "password-123",
        }));

        var statuses = attempts.Select(r => r.Status).ToList();
        Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 409), Is.EqualTo(99), string.Join(",", statuses));
    }
}
