using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.OpenApi;

/// <summary>
/// clients/openapi.json is the document the server serves: a DTO, doc comment or validator change
/// that is not regenerated fails here. <c>make openapi</c> sets <see cref="UpdateVariable"/> to rewrite it.
/// </summary>
public class OpenApiSnapshotTests : ApiFixture
{
    public const string UpdateVariable = "BOILERPLATE_UPDATE_OPENAPI";

    [Test]
    public async Task The_committed_openapi_json_is_what_the_server_serves()
    {
        var live = await Api.GetAsync("/openapi/v1.json");
        Assert.That(live.Status, Is.EqualTo(200), live.Text);
        var path = Path.Combine(RepositoryRoot.Path, "clients", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            await File.WriteAllTextAsync(path, live.Text);

        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        Assert.That(committed.ReplaceLineEndings(), Is.EqualTo(live.Text.ReplaceLineEndings()),
            "clients/openapi.json differs from /openapi/v1.json: run `make openapi` and commit the result.");
    }
}
