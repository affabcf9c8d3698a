using System.Text.RegularExpressions;
using Boilerplate.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boilerplate.Tests.OpenApi;

/// <summary>The explorer (Swagger UI) at / and /swagger-ui/, served from its package: nothing from the internet.</summary>
public partial class ExplorerTests : ApiFixture
{
    [Test]
    public async Task The_root_redirects_to_the_explorer()
    {
        var withoutRedirects = new Api(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        var response = await withoutRedirects.GetAsync("/");

        Assert.That(response.Status, Is.EqualTo(302));
        Assert.That(response.Message.Headers.Location?.OriginalString, Is.EqualTo("/swagger-ui/"));
    }

    [TestCase("/")]
    [TestCase("/swagger-ui")]
    [TestCase("/swagger-ui/")]
    public async Task The_explorer_opens_from(string path)
    {
        var response = await Api.GetAsync(path);

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Message.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/swagger-ui/index.html"));
        Assert.That(response.Text, Does.Contain("<title>SsBoilerplate API</title>"));
    }

    [Test]
    public async Task The_explorer_page_loads_its_scripts_and_styles_from_this_server()
    {
        var page = await Api.GetAsync("/swagger-ui/index.html");

        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(page.Header("Content-Type"), Does.StartWith("text/html"));
        var assets = Asset().Matches(page.Text).Select(m => m.Groups[1].Value).ToList();
        Assert.That(assets, Does.Contain("./swagger-ui-bundle.js").And.Contain("./swagger-ui.css"));
        foreach (var asset in assets)
        {
            Assert.That(asset, Does.Not.Contain("//"), "an asset from another host");
            var served = await Api.GetAsync("/swagger-ui/" + asset.TrimStart('.', '/'));
            Assert.That(served.Status, Is.EqualTo(200), asset);
        }
    }

    [Test]
    public async Task The_explorer_reads_the_openapi_document_with_try_it_out_and_no_online_validator()
    {
        var config = await Api.GetAsync("/swagger-ui/index.js");

        Assert.That(config.Status, Is.EqualTo(200));
        Assert.That(config.Text, Does.Contain("""{"url":"/openapi/v1.json","name":"SsBoilerplate API"}"""));
        Assert.That(config.Text, Does.Contain("\"tryItOutEnabled\":true"));
        Assert.That(config.Text, Does.Contain("configObject.validatorUrl = null"), "the online validator would call validator.swagger.io");
    }

    [TestCase("/swagger-ui/index.html")]
    [TestCase("/swagger-ui/index.js")]
    [TestCase("/swagger-ui/bearer-only.js")]
    public async Task The_explorer_has_a_policy_of_its_own_that_allows_nothing_from_elsewhere_and_no_framing(string path)
    {
        var response = await Api.GetAsync(path);

        Assert.That(response.Status, Is.EqualTo(200));
        var policy = response.Header("Content-Security-Policy");
        Assert.That(policy, Does.StartWith("default-src 'none'; script-src 'self';").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-eval"));
        Assert.That(response.Header("X-Frame-Options"), Is.EqualTo("DENY"));
    }

    [Test]
    public async Task The_explorer_page_loads_the_script_that_keeps_cookies_out_of_its_calls()
    {
        var page = await Api.GetAsync("/swagger-ui/index.html");
        var script = await Api.GetAsync("/swagger-ui/bearer-only.js");

        Assert.That(page.Text, Does.Contain("<script src='/swagger-ui/bearer-only.js'"));
        Assert.That(script.Header("Content-Type"), Does.StartWith("text/javascript"));
        Assert.That(script.Text, Does.Contain("credentials: 'omit'"));
    }

    [Test]
    public async Task Unknown_paths_beside_the_explorer_are_still_JSON_404s()
    {
        var response = await Api.GetAsync("/swagger-ui-nowhere");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("NotFound"));
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Asset();
}
