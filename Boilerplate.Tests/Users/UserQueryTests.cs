using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Users;

/// <summary>GET /user (admins), GET /user/{public_id} and GET /user/me.</summary>
[OnEachDatabase]
public class UserQueryTests(DatabaseKind kind) : ApiFixture(kind)
{
    private string adminToken = null!;

    [OneTimeSetUp]
    public async Task CreateAdmin() => adminToken = await Factory.CreateAdminAsync(UniqueName("admin"));

    [Test]
    public async Task A_user_is_shown_with_the_seed_fields_their_roles_and_permissions_and_whether_the_address_is_verified_and_a_second_factor_is_on()
    {
        var token = await Api.RegisterAsync(UniqueName());
        var me = await Api.GetAsync("/user/me", token);

        Assert.That(me.Body.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "public_id", "email", "username", "admin", "roles", "permissions", "registered_on", "email_verified", "mfa_enabled" }));
        Assert.That(me.Body["roles"]!.AsArray(), Is.Empty);
        Assert.That(me.Body["permissions"]!.AsArray(), Is.Empty);
        Assert.That(me.Body["email_verified"]!.GetValue<bool>(), Is.False, "no link followed yet");
        Assert.That(me.Body["mfa_enabled"]!.GetValue<bool>(), Is.False);
        Assert.That(Guid.TryParse(me.String("public_id"), out _), Is.True);
        Assert.That(me.String("registered_on"), Does.EndWith("Z"), "registered_on is UTC");
    }

    [Test]
    public async Task Admins_list_users_a_page_at_a_time_with_the_total()
    {
        for (var i = 0; i < 3; i++)
            await Api.RegisterAsync(UniqueName());

        var all = await Api.GetAsync("/user", adminToken);
        var page = await Api.GetAsync("/user?page=2&per_page=2", adminToken);

        Assert.That(all.Status, Is.EqualTo(200), all.Text);
        var total = all.Body["total"]!.GetValue<int>();
        Assert.That(total, Is.GreaterThanOrEqualTo(4));
        Assert.That(all.Body["page"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(all.Body["per_page"]!.GetValue<int>(), Is.EqualTo(20));
        Assert.That(page.Body["data"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(page.Body["data"]![0]!["public_id"]!.GetValue<string>(), Is.EqualTo(all.Body["data"]![2]!["public_id"]!.GetValue<string>()));
        Assert.That(page.Body["total"]!.GetValue<int>(), Is.EqualTo(total));
    }

    [Test]
    public async Task Admins_search_by_part_of_an_email_or_a_username_in_any_casing()
    {
        var tag = UniqueName("Findme");
        await Api.PostAsync("/user", new { email = $"{tag}-a@example.com", username = $"{tag}_a_user", password = "password-123" });
        await Api.PostAsync("/user", new { email = $"other-{tag}@example.org", username = UniqueName(), password = "password-123" });
        await Api.RegisterAsync(UniqueName());

        var byEmail = await Api.GetAsync($"/user?search={tag.ToUpperInvariant()}", adminToken);
        var byUsername = await Api.GetAsync($"/user?search={tag}_A_USER", adminToken);

        Assert.That(byEmail.Status, Is.EqualTo(200), byEmail.Text);
        Assert.That(byEmail.Body["data"]!.AsArray().Select(u => u!["email"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { $"{tag}-a@example.com".ToLowerInvariant(), $"other-{tag}@example.org".ToLowerInvariant() }));
        Assert.That(byEmail.Body["total"]!.GetValue<int>(), Is.EqualTo(2), "the total counts the matches, not every user");
        Assert.That(byUsername.Body["data"]!.AsArray().Select(u => u!["username"]!.GetValue<string>()), Is.EqualTo(new[] { $"{tag}_a_user" }));
    }

    [TestCase("_")]
    [TestCase("%")]
    public async Task A_wildcard_character_in_a_search_matches_only_itself(string wildcard)
    {
        var tag = UniqueName("wild");
        await Api.PostAsync("/user", new { email = $"{tag}-1@example.com", username = $"{tag}qxz", password = "password-123" });
        await Api.PostAsync("/user", new { email = $"{tag}-2@example.com", username = $"{tag}q_z", password = "password-123" });

        var response = await Api.GetAsync($"/user?search={Uri.EscapeDataString($"{tag}q{wildcard}z")}", adminToken);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Body["data"]!.AsArray().Select(u => u!["username"]!.GetValue<string>()),
            Is.EqualTo(wildcard == "_" ? new[] { $"{tag}q_z" } : Array.Empty<string>()));
    }

    [TestCase("ab")]
    [TestCase(" a ")]
    public async Task A_search_shorter_than_3_characters_is_400_saying_so(string search)
    {
        var response = await Api.GetAsync($"/user?search={Uri.EscapeDataString(search)}", adminToken);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("search"));
        Assert.That(response.ResponseStatus["errors"]![0]!["message"]!.GetValue<string>(), Does.Contain("3 to 100 characters"));
    }

    [TestCase("abc\ndef")]
    [TestCase("abc\0def")]
    [TestCase("abc\tdef")]
    public async Task A_search_with_a_control_character_is_400_saying_so(string search)
    {
        var response = await Api.GetAsync($"/user?search={Uri.EscapeDataString(search)}", adminToken);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("search"));
        Assert.That(response.ResponseStatus["errors"]![0]!["message"]!.GetValue<string>(), Is.EqualTo("search must not contain control characters."));
    }

    [Test]
    public async Task A_search_longer_than_100_characters_is_400()
    {
        var response = await Api.GetAsync($"/user?search={new string('a', 101)}", adminToken);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("search"));
    }

    [TestCase("per_page=101", "per_page")]
    [TestCase("per_page=0", "per_page")]
    [TestCase("page=0", "page")]
    [TestCase("page=abc", "page")]
    [TestCase("per_page=99999999999999999999", "per_page")]
    public async Task Bad_paging_is_400_naming_the_field(string query, string field)
    {
        var response = await Api.GetAsync($"/user?{query}", adminToken);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo(field));
    }

    [Test]
    public async Task Listing_users_without_a_token_is_401()
    {
        var response = await Api.GetAsync("/user");
        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.String("message"), Is.EqualTo("Provide a valid auth token."));
    }

    [Test]
    public async Task Listing_users_as_a_non_admin_is_403()
    {
        var response = await Api.GetAsync("/user", await Api.RegisterAsync(UniqueName()));

        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(response.String("status"), Is.EqualTo("fail"));
        Assert.That(response.String("message"), Is.EqualTo("admin token required (this needs the users.read permission)"));
    }

    [Test]
    public async Task A_user_gets_their_own_record_by_public_id()
    {
        var token = await Api.RegisterAsync(UniqueName());
        var publicId = (await Api.GetAsync("/user/me", token)).String("public_id");

        var response = await Api.GetAsync($"/user/{publicId}", token);

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.String("public_id"), Is.EqualTo(publicId));
    }

    [Test]
    public async Task Someone_elses_record_is_404_for_a_non_admin_and_200_for_an_admin()
    {
        var other = (await Api.GetAsync("/user/me", await Api.RegisterAsync(UniqueName()))).String("public_id");
        var token = await Api.RegisterAsync(UniqueName());

        var asUser = await Api.GetAsync($"/user/{other}", token);
        var asAdmin = await Api.GetAsync($"/user/{other}", adminToken);

        Assert.That(asUser.Status, Is.EqualTo(404));
        Assert.That(asUser.String("message"), Is.EqualTo("User not found."));
        Assert.That(asAdmin.Status, Is.EqualTo(200));
        Assert.That(asAdmin.String("public_id"), Is.EqualTo(other));
    }

    [TestCase("00000000-0000-0000-0000-000000000000")]
    [TestCase("not-a-uuid")]
    public async Task An_unknown_public_id_is_404(string publicId)
    {
        var response = await Api.GetAsync($"/user/{publicId}", adminToken);

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.Body["status"]!.GetValue<string>(), Is.EqualTo("fail"));
        Assert.That(response.String("message"), Is.EqualTo("User not found."));
    }

    [Test]
    public async Task Getting_a_user_or_me_without_a_token_is_401()
    {
        Assert.That((await Api.GetAsync($"/user/{Guid.NewGuid()}")).Status, Is.EqualTo(401));
        Assert.That((await Api.GetAsync("/user/me")).Status, Is.EqualTo(401));
    }
}
