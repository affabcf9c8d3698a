using System.Text.RegularExpressions;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Architecture;

/// <summary>
/// docs/architecture.md stays true of the two facts that go stale first: which folders the
/// services have, and the number the next migration takes.
/// </summary>
public partial class ArchitectureDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));
    private static readonly string ServiceInterface = Path.Combine(RepositoryRoot.Path, "Boilerplate.ServiceInterface");

    [Test]
    public void Every_folder_of_the_services_is_in_the_folder_tables_and_every_folder_there_exists()
    {
        var start = Doc.IndexOf("## The folders of", StringComparison.Ordinal);
        var section = Doc[start..Doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var documented = FolderRow().Matches(section).Select(m => m.Groups["folder"].Value).Order().ToList();
        var actual = Directory.GetDirectories(ServiceInterface)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj") && Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories).Any())
            .Select(Path.GetFileName)
            .Order()
            .ToList();

        Assert.That(actual, Has.Count.GreaterThan(15), "the folders were found");
        Assert.That(documented, Is.EqualTo(actual));
    }

    [Test]
    public void The_recipe_adds_the_migration_after_the_last_one()
    {
        var last = Directory.GetFiles(Path.Combine(ServiceInterface, "Data", "Migrations"), "M*.cs")
            .Select(f => int.Parse(Path.GetFileName(f)[1..4], System.Globalization.CultureInfo.InvariantCulture))
            .Max();
        var recipe = RecipeMigration().Match(Doc);

        Assert.That(recipe.Success, Is.True, "the recipe names its migration");
        Assert.That(int.Parse(recipe.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(last + 1));
        Assert.That(recipe.Groups["file"].Value, Is.EqualTo($"M{last + 1:000}"));
    }

    [GeneratedRegex(@"^\| `(?<folder>\w+)/` \|", RegexOptions.Multiline)]
    private static partial Regex FolderRow();

    [GeneratedRegex(@"the next is number (?<number>\d+): `[^`]*/(?<file>M\d{3})_")]
    private static partial Regex RecipeMigration();
}
