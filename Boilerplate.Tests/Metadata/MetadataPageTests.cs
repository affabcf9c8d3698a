using System.Net;
using System.Text.RegularExpressions;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Metadata;

/// <summary>GET /metadata: ServiceStack's HTML index of the operations, rendered on the server.</summary>
public partial class MetadataPageTests : ApiFixture
{
    private async Task<string> PageAsync()
    {
        var response = await Api.GetAsync("/metadata");
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Header("Content-Type"), Is.EqualTo("text/html; charset=utf-8"));
        return response.Text;
    }

    private static string Section(string page, string operation) =>
        Regex.Match(page, $"<section id=\"{operation}\">(.*?)</section>", RegexOptions.Singleline) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new KeyNotFoundException($"no section for {operation}");

    /// <summary>The table rows of a section as "name type required" lines, markup removed.</summary>
    private static string[] Rows(string html) =>
        Row().Matches(html).Select(m => Tag().Replace(m.Groups[1].Value, " ").Trim()).Select(r => Space().Replace(r, " ")).ToArray();

    [Test]
    public async Task The_page_is_plain_HTML_that_needs_no_script()
    {
        var page = await PageAsync();

        Assert.That(page, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(page, Does.Not.Contain("<script"));
        Assert.That(page, Does.Not.Contain("http://").And.Not.Contain("https://"), "nothing from another host");
    }

    [TestCase("CreateUser", "POST /user", "none")]
    [TestCase("GetUsers", "GET /user", "bearer token with the permission users.read")]
    [TestCase("RotateSigningKey", "POST /signing-keys/rotate", "bearer token with the role Admin")]
    [TestCase("GetUser", "GET /user/{public_id}", "bearer token")]
    [TestCase("GetCurrentUser", "GET /user/me", "bearer token")]
    [TestCase("Login", "POST /auth/login", "none")]
    [TestCase("Logout", "POST /auth/logout", "bearer token")]
    public async Task Every_operation_is_listed_with_its_route_verb_and_guard(string operation, string route, string guard)
    {
        var page = await PageAsync();

        var index = Rows(WebUtility.HtmlDecode(page)).Where(r => r.StartsWith(operation + " ", StringComparison.Ordinal)).ToList();
        Assert.That(index, Has.Count.EqualTo(1), $"one index row for {operation}");
        Assert.That(index[0], Does.StartWith($"{operation} {route} {guard}"));
        Assert.That(page, Does.Contain($"href=\"#{operation}\""));
        Assert.That(Section(page, operation), Does.Contain($"Routes: <code>{route}</code>").And.Contain($"Guard: {guard}<br>"));
    }

    [Test]
    public async Task An_operation_shows_its_request_and_response_fields_with_types()
    {
        var createUser = Rows(Section(await PageAsync(), "CreateUser"));

        Assert.That(createUser, Does.Contain("email string yes"));
        Assert.That(createUser, Does.Contain("password string yes"));
        Assert.That(createUser, Does.Contain("Authorization string no"), "a registration awaiting verification has no token");
        Assert.That(Rows(Section(await PageAsync(), "LoginMfa")), Does.Contain("Authorization string no"), "with useTokenCookie it is a cookie");
        Assert.That(Rows(Section(await PageAsync(), "GetAccessToken")), Does.Contain("accessToken string yes"));
        Assert.That(createUser, Does.Contain("responseStatus ResponseStatus no"));
    }

    [Test]
    public async Task Fields_carry_wire_names_nullable_types_and_doc_comments()
    {
        var page = await PageAsync();

        Assert.That(Rows(Section(page, "GetUsers")), Does.Contain("per_page int? no Users per page, 1 to 100; 20 when absent."));
        Assert.That(Rows(Section(page, "GetUser")), Does.Contain("public_id string yes, in the path"));
        Assert.That(Rows(Section(page, "GetUser")), Does.Contain("registered_on DateTime yes"));
        Assert.That(Section(page, "Logout"), Does.Contain("<p>Without a token the seed answers 403, not 401.</p>"));
        Assert.That(Section(page, "GetCurrentUser"), Does.Contain("<h4>Request</h4><p>No fields.</p>"));
    }

    [TestCase("/openapi/v1.json")]
    [TestCase("/swagger-ui/")]
    [TestCase("/types")]
    [TestCase("/types/typescript")]
    [TestCase("/types/csharp")]
    [TestCase("/types/metadata")]
    public async Task The_page_links_to_the_other_descriptions_of_the_API(string href)
    {
        Assert.That(await PageAsync(), Does.Contain($"href=\"{href}\""));
        Assert.That((await Api.GetAsync(href)).Status, Is.EqualTo(200));
    }

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
