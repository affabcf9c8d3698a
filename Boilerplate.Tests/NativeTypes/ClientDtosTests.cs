using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.NativeTypes;

/// <summary>
/// clients/dtos.ts and clients/dtos.cs are what the server generates: a DTO change that is not
/// regenerated fails here. <c>make dtos</c> sets <see cref="UpdateVariable"/> to rewrite them instead.
/// </summary>
public class ClientDtosTests : ApiFixture
{
    public const string UpdateVariable = "BOILERPLATE_UPDATE_DTOS";
    private const string BaseUrl = "http://localhost:5000";

    [TestCase("typescript", "dtos.ts")]
    [TestCase("csharp", "dtos.cs")]
    public async Task The_committed_client_DTOs_are_what_the_server_generates(string language, string file)
    {
        var live = await Api.GetAsync($"/types/{language}?BaseUrl={BaseUrl}");
        Assert.That(live.Status, Is.EqualTo(200), live.Text);
        var path = Path.Combine(RepositoryRoot.Path, "clients", file);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            await File.WriteAllTextAsync(path, live.Text);

        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        Assert.That(WithoutDateAndBaseUrl(committed), Is.EqualTo(WithoutDateAndBaseUrl(live.Text)),
            $"clients/{file} differs from what the server generates: run `make dtos` and commit the result.");
    }

    private static string WithoutDateAndBaseUrl(string code) =>
        string.Join('\n', code.Split('\n').Where(line => !line.StartsWith("Date: ", StringComparison.Ordinal) && !line.StartsWith("BaseUrl: ", StringComparison.Ordinal)));
}
