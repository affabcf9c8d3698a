using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Reliability;

/// <summary>
/// Admins acting on each other at the same moment: whatever the interleaving, someone can still
/// administer, and every answer matches what the database ends up holding.
/// </summary>
[OnEachDatabase]
public class AdminRaceTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const int Rounds = 15;
    private const int AdminsPerRound = 4;

    [Test]
    public async Task Admins_demoting_locking_and_deleting_each_other_at_once_never_leave_zero_admins()
    {
        var outcomes = new Dictionary<int, int>();
        for (var round = 0; round < Rounds; round++)
        {
            var admins = await FreshAdminsAsync(round);

            // Each admin turns on the next one, in a ring, all at the same moment.
            var statuses = await Concurrently.RunAsync(admins.Count, i => Act((i + round) % 3, admins[i].Token, admins[(i + 1) % admins.Count].PublicId));

            foreach (var status in statuses)
                outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            // A request of an admin already demoted, locked or deleted by another is refused: 403 or 401.
            Assert.That(statuses, Is.All.AnyOf(200, 204, 401, 403, 409), $"round {round}: {string.Join(",", statuses)}");
            Assert.That(await ActiveAdminsAsync(), Is.GreaterThanOrEqualTo(1), $"round {round}: {string.Join(",", statuses)}");
        }
        TestContext.Out.WriteLine($"{Rounds} rounds of {AdminsPerRound} admins: " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Value}x {o.Key}")));
    }

    [Test]
    public async Task Two_admins_demoting_each_other_at_once_leave_exactly_one_admin()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var admins = await FreshAdminsAsync(round, count: 2);
            var (first, second) = (admins[0], admins[1]);

            var statuses = await Concurrently.RunAsync(2, i => i == 0 ? Act(0, first.Token, second.PublicId) : Act(0, second.Token, first.PublicId));

            // The loser is refused as the last admin (409), or as no longer an admin (403), or signed out (401).
            Assert.That(statuses.Order(), Is.EqualTo(new[] { 200, 409 }).Or.EqualTo(new[] { 200, 401 }).Or.EqualTo(new[] { 200, 403 }), $"round {round}");
            Assert.That(await ActiveAdminsAsync(), Is.EqualTo(1), $"round {round}");
        }
    }

    [Test]
    public async Task Concurrent_locks_and_unlocks_of_one_user_end_in_a_state_sign_in_agrees_with()
    {
        var admin = (await FreshAdminsAsync(0, count: 1))[0];
        var name = UniqueName();
        var publicId = (await Api.GetAsync("/user/me", await Api.RegisterAsync(name))).String("public_id");

        var statuses = await Concurrently.RunAsync(20, i =>
            Api.PostAsync($"/user/{publicId}/{(i % 2 == 0 ? "lock" : "unlock")}", token: admin.Token));

        Assert.That(statuses.Select(s => s.Status), Is.All.EqualTo(200));
        var shown = (await Api.GetAsync($"/user/{publicId}", admin.Token)).Body["locked"]?.GetValue<bool>() ?? false;
        var login = await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" });
        Assert.That(login.Status, Is.EqualTo(shown ? 401 : 200), $"locked is {shown}: {login.Text}");
    }

    private sealed record Admin(string Token, string PublicId);

    /// <summary>New admins for a round; every earlier admin steps aside so these are the only ones.</summary>
    private async Task<List<Admin>> FreshAdminsAsync(int round, int count = AdminsPerRound)
    {
        using (var scope = Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AppDb>().Users.Where(u => u.Admin).Set(u => u.Admin, false).UpdateAsync();
        var admins = new List<Admin>();
        for (var i = 0; i < count; i++)
        {
            var token = await Factory.CreateAdminAsync(UniqueName($"admin{round}_"));
            admins.Add(new Admin(token, (await Api.GetAsync("/user/me", token)).String("public_id")));
        }
        return admins;
    }

    private async Task<int> Act(int action, string token, string target) => (action switch
    {
        0 => await Api.SendAsync(HttpMethod.Put, $"/user/{target}/admin", Api.Json(new { admin = false }), token),
        1 => await Api.PostAsync($"/user/{target}/lock", token: token),
        _ => await Api.SendAsync(HttpMethod.Delete, $"/user/{target}", token: token),
    }).Status;

    private async Task<int> ActiveAdminsAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().Users.CountAsync(u => u.Admin && !u.Locked);
    }
}
