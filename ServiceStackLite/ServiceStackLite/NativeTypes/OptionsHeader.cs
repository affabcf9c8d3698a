using System.Globalization;
using System.Text;

namespace ServiceStack.NativeTypes;

/// <summary>
/// The <c>/* Options: … */</c> block that starts generated code. ServiceStack's tools read it
/// back to refresh the file: BaseUrl, then every option line not behind <c>//</c>.
/// </summary>
internal static class OptionsHeader
{
    /// <summary>The ServiceStack version whose output this imitates; tools show it, none checks it.</summary>
    public const string Version = "10.15";

    public static string Write(DateTimeOffset now, string baseUrl, IEnumerable<HeaderOption> options)
    {
        var header = new StringBuilder()
            .Append("/* Options:\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {now:yyyy-MM-dd HH:mm:ss}\n")
            .Append(CultureInfo.InvariantCulture, $"Version: {Version}\n")
            .Append("Tip: To override a DTO option, remove \"//\" prefix before updating\n")
            .Append(CultureInfo.InvariantCulture, $"BaseUrl: {baseUrl}\n")
            .Append('\n');
        foreach (var option in options)
            header.Append(CultureInfo.InvariantCulture, $"{(option.Given ? "" : "//")}{option.Name}: {option.Value}\n");
        return header.Append("*/\n").ToString();
    }
}
