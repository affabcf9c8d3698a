using System.Text.RegularExpressions;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.OpenApi;

/// <summary>
/// docs/api.md describes the API once, and says what the server serves: every route of the
/// OpenAPI document is a row of its operations tables, under its operation's name, and no row
/// names a route the server does not have.
/// </summary>
public partial class ApiDocsTests : ApiFixture
{
    [Test]
    public async Task Every_route_the_server_serves_is_documented_under_its_operation_and_no_other()
    {
        var served = (await Api.GetAsync("/openapi/v1.json")).Body["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(verb =>
                $"{verb.Key.ToUpperInvariant()} {path.Key} {OperationSuffix().Replace(verb.Value!["operationId"]!.GetValue<string>(), "")}"))
            .Order()
            .ToList();

        var documented = DocumentedRoutes().Order().ToList();

        Assert.That(served, Has.Count.GreaterThan(40), "the served routes were read");
        Assert.That(documented, Is.EqualTo(served));
    }

    /// <summary>"VERB /path Operation" for each route in a row of the tables under "## Operations".</summary>
    private static IEnumerable<string> DocumentedRoutes()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "api.md"));
        var start = text.IndexOf("## Operations", StringComparison.Ordinal);
        var operations = text[start..text.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        foreach (var row in operations.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = row.Split(" | ");
            var name = Backticked().Match(cells[0]).Groups["text"].Value;
            // The predefined /api/{Name} routes are every operation's, and not in the document.
            foreach (var route in Backticked().Matches(cells[1]).Select(m => m.Groups["text"].Value)
                         .Where(r => Route().IsMatch(r) && !r.Contains(" /api/", StringComparison.Ordinal)))
                yield return $"{route} {name}";
        }
    }

    [GeneratedRegex("^(GET|POST|PUT|PATCH|DELETE) /")]
    private static partial Regex Route();

    [GeneratedRegex("`(?<text>[^`]+)`")]
    private static partial Regex Backticked();

    /// <summary>The document numbers the second and third routes of an operation: Authenticate_2.</summary>
    [GeneratedRegex("_[0-9]+$")]
    private static partial Regex OperationSuffix();
}
