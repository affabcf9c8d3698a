using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Registration;

[OnEachDatabase]
public class ConcurrentRegistrationTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Concurrent_registrations_of_one_email_give_one_201_and_the_rest_409()
    {
        var name = UniqueName();
        var attempts = await Concurrently.RunAsync(100, i => Api.PostAsync("/user", new
        {
            email = $"{name}@example.com",
            username = $"{name}_{i}",
            password = "password-123",
        }));

        var statuses = attempts.Select(r => r.Status).ToList();
        Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 409), Is.EqualTo(99), string.Join(",", statuses));
    }
}
