using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.SignIn;

/// <summary>
/// Five failed sign-ins within 15 minutes lock an account out for 15 minutes; success resets the
/// count. The clock is the test's, so nothing sleeps.
/// </summary>
[OnEachDatabase]
public class BruteForceTests(DatabaseKind kind)
{
    private readonly TestClock clock = new(DateTimeOffset.UtcNow);
    private ApiFactory factory = null!;
    private Api api = null!;
    private int users;

    [SetUp]
    public void Start()
    {
        factory = new ApiFactory(clock: clock, kind: kind);
        api = factory.CreateApi();
    }

    [TearDown]
    public void Stop() => factory?.Dispose();

    [Test]
    public async Task Five_failures_lock_the_account_out_and_the_right_password_gets_a_wrong_ones_answer()
    {
        var email = await Registered();
        await FailAsync(email, 5);

        var right = await SignIn(email, "password-123");
        var wrong = await SignIn(email, "wrong-password");

        Assert.That(right.Status, Is.EqualTo(401));
        Assert.That(right.TextWithoutTraceId, Is.EqualTo(wrong.TextWithoutTraceId), "during a lockout no password is looked at");
        Assert.That(right.Text, Does.Not.Contain("eyJ"));
    }

    [Test]
    public async Task During_a_lockout_a_wrong_password_gets_the_ordinary_answer()
    {
        var email = await Registered();
        await FailAsync(email, 5);

        var wrong = await SignIn(email, "wrong-password");
        var unknown = await SignIn("nobody@example.com", "wrong-password");

        Assert.That(wrong.TextWithoutTraceId, Is.EqualTo(unknown.TextWithoutTraceId), "a guesser cannot tell a locked-out account from a missing one");
    }

    [Test]
    public async Task The_lockout_ends_after_15_minutes()
    {
        var email = await Registered();
        await FailAsync(email, 5);

        clock.Now += TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1);

        Assert.That((await SignIn(email, "password-123")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_success_resets_the_count()
    {
        var email = await Registered();
        await FailAsync(email, 4);
        Assert.That((await SignIn(email, "password-123")).Status, Is.EqualTo(200));
        await FailAsync(email, 4);

        Assert.That((await SignIn(email, "password-123")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Failures_spread_over_more_than_15_minutes_do_not_add_up()
    {
        var email = await Registered();
        await FailAsync(email, 4);
        clock.Now += TimeSpan.FromMinutes(16);
        await FailAsync(email, 1);

        Assert.That((await SignIn(email, "password-123")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_servicestack_sign_in_counts_towards_the_same_lockout()
    {
        var email = await Registered();
        for (var i = 0; i < 5; i++)
            await api.PostAsync("/auth/credentials", new { userName = email, password = "wrong-password" });

        Assert.That((await SignIn(email, "password-123")).Status, Is.EqualTo(401));
    }

    private async Task<string> Registered()
    {
        var name = $"target{++users}";
        await api.RegisterAsync(name);
        return $"{name}@example.com";
    }

    private async Task FailAsync(string email, int times)
    {
        for (var i = 0; i < times; i++)
            Assert.That((await SignIn(email, "wrong-password")).Status, Is.EqualTo(401));
    }

    private Task<ApiResponse> SignIn(string email, string password) => api.PostAsync("/auth/login", new { email, password });
}

/// <summary>Raising the bcrypt cost upgrades each stored hash at its owner's next sign-in.</summary>
[OnEachDatabase]
public class RehashTests(DatabaseKind kind)
{
    [Test]
    public async Task A_hash_made_at_an_older_cost_is_redone_at_sign_in()
    {
        using var path = TestDatabase.Create(kind);
        using (var cheap = new ApiFactory(database: path))
            await cheap.CreateApi().RegisterAsync("upgrade");

        string hash;
        using (var dearer = new ApiFactory(database: path) { Settings = { ["Auth:BcryptWorkFactor"] = "5" } })
        {
            await dearer.CreateApi().LoginAsync("upgrade@example.com", "password-123");
            using var scope = dearer.Services.CreateScope();
            hash = await scope.ServiceProvider.GetRequiredService<AppDb>().Users.Select(u => u.PasswordHash).SingleAsync();
        }

        Assert.That(hash, Does.Match(@"^\$2[aby]\$05\$"));
    }
}
