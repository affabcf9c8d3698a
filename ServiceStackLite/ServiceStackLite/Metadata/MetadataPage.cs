using System.Net;
using System.Text;
using ServiceStack.NativeTypes;
using ServiceStack.OpenApi;

namespace ServiceStack.Metadata;

/// <summary>
/// The /metadata page, as ServiceStack's: an index of the operations, then each one's routes,
/// guard, and request and response fields. Plain server-rendered HTML; no script.
/// </summary>
internal static class MetadataPage
{
    public sealed record Link(string Text, string Href);

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
        table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f3f3}code{background:#f6f6f6;padding:0 .2rem}section{border-top:1px solid #ddd;margin-top:1.5rem}
        """;

    public static string Render(ApiMetadata metadata, string title, IReadOnlyList<Link> links)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)} metadata</title><style>{Style}</style></head><body>");
        html.Append($"<h1>{E(title)}</h1><p>The following operations are supported.</p><ul class=\"links\">");
        foreach (var link in links)
            html.Append($"<li><a href=\"{E(link.Href)}\">{E(link.Text)}</a> <code>{E(link.Href)}</code></li>");
        html.Append("</ul><h2>Operations</h2><table class=\"operations\"><tr><th>Operation</th><th>Routes</th><th>Guard</th><th>Summary</th></tr>");
        foreach (var operation in metadata.Operations)
        {
            var name = operation.Request.Name;
            html.Append($"<tr><td><a href=\"#{E(name)}\">{E(name)}</a></td><td>{Routes(operation)}</td><td>{E(Guard(operation))}</td><td>{E(metadata.Docs.Summary(operation.Request.ClrType) ?? "")}</td></tr>");
        }
        html.Append("</table>");
        foreach (var operation in metadata.Operations)
            AppendOperation(html, metadata, operation);
        return html.Append("</body></html>").ToString();
    }

    private static void AppendOperation(StringBuilder html, ApiMetadata metadata, MetadataOperationType operation)
    {
        var request = operation.Request;
        html.Append($"<section id=\"{E(request.Name)}\"><h3>{E(request.Name)}</h3>");
        foreach (var text in new[] { metadata.Docs.Summary(request.ClrType), metadata.Docs.Remarks(request.ClrType) }.OfType<string>())
            html.Append($"<p>{E(text)}</p>");
        html.Append($"<p>Routes: {Routes(operation)}<br>Guard: {E(Guard(operation))}<br>Returns: <code>{E(operation.Response?.Name ?? "nothing (204)")}</code></p>");

        html.Append("<h4>Request</h4>");
        AppendFields(html, metadata, request, p => IsInEveryPath(operation, p) ? "yes, in the path" : metadata.RulesOf(request, p).Required ? "yes" : "no");
        if (operation.Response is { } response)
        {
            html.Append($"<h4>Response: {E(response.Name)}</h4>");
            AppendFields(html, metadata, response, p => p.IsNullable is null ? "yes" : "no");
        }
        html.Append("</section>");
    }

    /// <summary>A type's fields under their wire names; <paramref name="required"/> says whether each must be present.</summary>
    private static void AppendFields(StringBuilder html, ApiMetadata metadata, MetadataType type, Func<MetadataPropertyType, string> required)
    {
        var properties = metadata.AllPropertiesOf(type);
        if (properties.Count == 0)
        {
            html.Append("<p>No fields.</p>");
            return;
        }
        html.Append("<table class=\"fields\"><tr><th>Name</th><th>Type</th><th>Required</th><th>Description</th></tr>");
        foreach (var property in properties)
        {
            html.Append($"<tr><td><code>{E(property.WireName)}</code></td><td><code>{E(CSharpTypeNames.Of(property.ClrType))}</code></td>");
            html.Append($"<td>{required(property)}</td><td>{E(metadata.DescriptionOf(type, property) ?? "")}</td></tr>");
        }
        html.Append("</table>");
    }

    private static bool IsInEveryPath(MetadataOperationType operation, MetadataPropertyType property) =>
        operation.Routes.All(r => r.Path.Contains($"{{{property.WireName}}}", StringComparison.OrdinalIgnoreCase)
            || r.Path.Contains($"{{{property.WireName}*}}", StringComparison.OrdinalIgnoreCase));

    private static string Routes(MetadataOperationType operation) =>
        string.Join("<br>", operation.Routes.Select(r => $"<code>{E(r.Verbs ?? operation.Method)} {E(r.Path)}</code>"));

    private static string Guard(MetadataOperationType operation) => operation switch
    {
        { RequiredRoles.Count: > 0 } or { RequiredPermissions.Count: > 0 } => $"bearer token with {ResponseList.Requirements(operation)}",
        { RequiresAuth: true } => "bearer token",
        _ => "none",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
