using System.Text.RegularExpressions;

namespace Boilerplate.Tests.NativeTypes;

/// <summary>Reads the parts of generated code the tests look at.</summary>
public static partial class GeneratedCode
{
    /// <summary>The lines inside <c>/* Options: … */</c>.</summary>
    public static string[] HeaderLines(string code)
    {
        var end = code.IndexOf("\n*/\n", StringComparison.Ordinal);
        Assert.That(code, Does.StartWith("/* Options:\n"), "the code starts with the options header");
        Assert.That(end, Is.GreaterThan(0), "the header is closed");
        return code[..end].Split('\n')[1..];
    }

    /// <summary>The option lines: everything after the blank line that follows BaseUrl.</summary>
    public static string[] OptionLines(string code) =>
        HeaderLines(code).SkipWhile(line => line.Length > 0).Skip(1).ToArray();

    /// <summary>One class, from the line that declares it to its closing brace, with the comments and attributes above it.</summary>
    public static string Class(string code, string name)
    {
        var match = Regex.Match(code, $@"((?:[ \t]*(?://|\[).*\n)*)[ \t]*(?:export |public |internal )[\w ]*class {name}\b[\s\S]*?\n[ \t]*\}}\n");
        Assert.That(match.Success, Is.True, $"class {name} is in:\n{code}");
        return match.Value;
    }

    public static bool HasClass(string code, string name) =>
        Regex.IsMatch(code, $@"class {name}\b");
}
