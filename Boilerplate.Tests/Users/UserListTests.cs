using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Tests.Users;

/// <summary>
/// GET /user over a few thousand accounts, written straight to the table as a bulk load would and
/// with gaps where accounts were deleted: every page is the one a plain ORDER BY id … OFFSET reads,
/// the total is the count of rows, and the search follows every insert, change and deletion.
/// </summary>
[OnEachDatabase]
public class UserListTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const int Loaded = 3000;
    private string adminToken = null!;

    [OneTimeSetUp]
    public async Task LoadUsers()
    {
        adminToken = await Factory.CreateAdminAsync(UniqueName("admin"));
        var now = DateTime.UtcNow;
        await WithDb(db => db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, Enumerable.Range(0, Loaded).Select(i => new UserRecord
        {
            PublicId = Guid.NewGuid().ToString(),
            Email = $"loaded{i}@list.example",
            Username = $"Loaded{i}",
            PasswordHash = "not a hash: no one signs in as these",
            RegisteredOn = now,
        })));
        // Gaps: a run longer than a block of ids, and every seventh account of the rest.
        await WithDb(async db =>
        {
            var ids = await db.Users.Where(u => u.Email.StartsWith("loaded")).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
            var deleted = ids.Skip(500).Take(1100).Concat(ids.Where((_, i) => i % 7 == 3)).ToHashSet();
            return await db.Users.Where(u => deleted.Contains(u.Id)).DeleteAsync();
        });
    }

    [TestCase(100)]
    [TestCase(37)]
    public async Task Every_page_holds_what_an_offset_over_the_ordered_table_reads(int perPage)
    {
        var total = await WithDb(db => db.Users.CountAsync());

        for (var page = 1; page <= total / perPage + 2; page += page < 5 ? 1 : 3)
        {
            var response = await Api.GetAsync($"/user?page={page}&per_page={perPage}", adminToken);
            var expected = await WithDb(db => db.Users.OrderBy(u => u.Id).Skip((page - 1) * perPage).Take(perPage).Select(u => u.PublicId).ToListAsync());

            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response.Body["total"]!.GetValue<int>(), Is.EqualTo(total));
            Assert.That(response.Body["data"]!.AsArray().Select(u => u!["public_id"]!.GetValue<string>()), Is.EqualTo(expected), $"page {page}");
        }
    }

    [Test]
    public async Task The_total_follows_registrations_and_deletions()
    {
        var before = await TotalAsync();
        var token = await Api.RegisterAsync(UniqueName());
        Assert.That(await TotalAsync(), Is.EqualTo(before + 1));

        var deleted = await Api.SendAsync(HttpMethod.Delete, "/user/me", Api.Json(new { password = "password-123" }), token);
        Assert.That(deleted.Status, Is.EqualTo(204), deleted.Text);
        Assert.That(await TotalAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_search_finds_a_changed_address_at_once_and_a_deleted_account_no_more()
    {
        var found = await SearchAsync("loaded2345@");
        Assert.That(found, Is.EqualTo(new[] { "loaded2345@list.example" }));

        await WithDb(db => db.Users.Where(u => u.Email == "loaded2345@list.example").Set(u => u.Email, "renamed2345@list.example").UpdateAsync());
        Assert.That(await SearchAsync("loaded2345@"), Is.Empty);
        Assert.That(await SearchAsync("RENAMED2345"), Is.EqualTo(new[] { "renamed2345@list.example" }));

        await WithDb(db => db.Users.Where(u => u.Email == "renamed2345@list.example").DeleteAsync());
        Assert.That(await SearchAsync("renamed2345"), Is.Empty);
    }

    [Test]
    public async Task A_search_pages_through_its_matches_with_their_total()
    {
        var matching = await WithDb(db => db.Users.Where(u => u.Username.StartsWith("Loaded12")).OrderBy(u => u.Id).Select(u => u.Email).ToListAsync());

        var first = await Api.GetAsync("/user?search=aded12&per_page=5", adminToken);
        var second = await Api.GetAsync("/user?search=aded12&per_page=5&page=2", adminToken);

        Assert.That(first.Body["total"]!.GetValue<int>(), Is.EqualTo(matching.Count));
        Assert.That(Emails(first).Concat(Emails(second)), Is.EqualTo(matching.Take(10)));
    }

    private async Task<int> TotalAsync() => (await Api.GetAsync("/user?per_page=1", adminToken)).Body["total"]!.GetValue<int>();

    private async Task<List<string>> SearchAsync(string search)
    {
        var response = await Api.GetAsync($"/user?search={Uri.EscapeDataString(search)}", adminToken);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return Emails(response);
    }

    private static List<string> Emails(ApiResponse response) =>
        response.Body["data"]!.AsArray().Select(u => u!["email"]!.GetValue<string>()).ToList();

    private async Task<T> WithDb<T>(Func<AppDb, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }
}
