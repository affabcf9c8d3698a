using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServiceStack.Host;

/// <summary>
/// ServiceStack's <c>?format=csv</c>: the response's first list (or the response, when it is one),
/// a row per item under a header of the names and values its JSON has (RFC 4180). A cell that a
/// spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
/// leading apostrophe, so an exported value never executes on the machine that opens it.
/// </summary>
internal static class CsvFormat
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static bool IsAsked(HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase);

    public static string Write(object response, JsonSerializerOptions json)
    {
        var rows = (JsonSerializer.SerializeToNode(ItemsOf(response), json) as JsonArray ?? [])
            .OfType<JsonObject>().ToList();
        var columns = rows.SelectMany(row => row.Select(cell => cell.Key)).Distinct().ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
            csv.AppendJoin(',', columns.Select(column => Quote(Text(row[column])))).Append("\r\n");
        return csv.ToString();
    }

    private static IEnumerable ItemsOf(object response) => response switch
    {
        IEnumerable list and not string => list,
        _ => response.GetType().GetProperties()
                 .Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType))
                 .Select(p => p.GetValue(response) as IEnumerable)
                 .FirstOrDefault(list => list is not null) ?? Array.Empty<object>(),
    };

    private static string Text(JsonNode? cell) => cell switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => Defused(text),
        _ => cell.ToJsonString(),
    };

    private static string Defused(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
