using System.Net;
using System.Text.RegularExpressions;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.AccountPages;

/// <summary>
/// How the host serves the built account pages at /account/: any page path answers the app, whose
/// router takes it from there; its files are kept by browsers only where their names change with
/// their content; nothing outside the build is reachable. Served on every environment's defaults.
/// </summary>
public partial class AccountPagesHostingTests
{

    [TestCase("/account/")]
    [TestCase("/account/sign-in")]
    [TestCase("/account/reset-password?token=abc")]
    [TestCase("/account/admin/users")]
    public async Task Every_page_path_answers_the_app_never_cached_with_a_strict_content_policy(string path)
    {
        using var factory = new ApiFactory();
        using var response = await factory.CreateClient().GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<div id=\"app\"></div>"));
        Assert.That(response.Headers.CacheControl!.NoCache, Is.True, "a new build must reach every browser at once");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(policy, Does.Contain("default-src 'self'").And.Contain("frame-ancestors 'none'"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"), "a mail link's token never leaves in a Referer");
    }

    [Test]
    public async Task The_apps_hashed_files_are_kept_by_browsers_for_a_year()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var index = await client.GetStringAsync("/account/");
        var script = ScriptPath().Match(index);
        Assert.That(script.Success, Is.True, index);

        using var response = await client.GetAsync(script.Groups["path"].Value);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(response.Headers.CacheControl!.ToString(), Does.Contain("immutable").And.Contain("max-age=31536000"));
    }

    [TestCase("/account/..%2Fappsettings.json")]
    [TestCase("/account/%2E%2E/%2E%2E/Boilerplate.Host.dll")]
    [TestCase("/account/../appsettings.json")]
    public async Task Nothing_outside_the_build_is_served(string path)
    {
        using var factory = new ApiFactory();
        using var response = await factory.CreateClient().GetAsync(path);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain("SecretKey").And.Not.Contain("MZ"));
    }

    [Test]
    public async Task The_bare_account_path_redirects_to_the_app()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/account");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("/account/"));
    }

    [GeneratedRegex("src=\"(?<path>/account/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptPath();
}
