using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ServiceStack.Metadata;

/// <summary>
/// The <c>///</c> comments of the DTO assemblies, read from the XML files the compiler writes
/// beside them, as plain text (<c>&lt;c&gt;</c> becomes backticks, a <c>cref</c> its short name).
/// </summary>
public sealed partial class XmlDocs
{
    private readonly Dictionary<string, XElement> members = new(StringComparer.Ordinal);

    public static XmlDocs Load(IEnumerable<Assembly> assemblies)
    {
        var docs = new XmlDocs();
        foreach (var assembly in assemblies.Distinct())
        {
            var path = Path.ChangeExtension(assembly.Location, ".xml");
            if (assembly.Location.Length == 0 || !File.Exists(path))
                continue;
            foreach (var member in XDocument.Load(path).Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name)
                    docs.members[name] = member;
            }
        }
        return docs;
    }

    public string? Summary(Type type) => Text(TypeKey(type), "summary");

    public string? Remarks(Type type) => Text(TypeKey(type), "remarks");

    public string? Summary(Type declaringType, string propertyName) => Text($"P:{Name(declaringType)}.{propertyName}", "summary");

    private static string TypeKey(Type type) => "T:" + Name(type);

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    private string? Text(string key, string element) =>
        members.GetValueOrDefault(key)?.Element(element) is { } found && Flatten(found) is { Length: > 0 } text ? text : null;

    private static string Flatten(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
                XElement reference when reference.Attribute("cref") is { } cref => ShortName(cref.Value),
                XElement reference when reference.Attribute("name") is { } name => name.Value,
                XElement other => Flatten(other),
                _ => "",
            });
        }
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    /// <summary><c>T:Ns.Type</c> or <c>P:Ns.Type.Member</c> → <c>Type</c> or <c>Member</c>.</summary>
    private static string ShortName(string cref) => cref[(cref.LastIndexOf('.') + 1)..];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
