using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>
/// The mails' text, from template files: <c>{name}.subject.txt</c>, <c>{name}.txt</c> and
/// <c>{name}.html</c> in Mail/Templates beside the app, each replaced by a file of the same name
/// in <see cref="EmailSettings.TemplatesPath"/> when a deployment has one. <c>{{key}}</c> is a
/// value; in HTML it is escaped.
/// </summary>
public sealed partial class MailTemplates(IOptions<EmailSettings> options, IOptions<AppSettings> app, IHostEnvironment environment)
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "Mail", "Templates");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> texts = new(StringComparer.Ordinal);
    private readonly string? overrides = options.Value.TemplatesPath is { Length: > 0 } folder ? Path.GetFullPath(folder, environment.ContentRootPath) : null;

    public MimeMessage Render(ComposedMail mail, string recipient, string messageId)
    {
        var values = new Dictionary<string, string>(mail.Values) { ["app_name"] = app.Value.Name };
        var from = MailboxAddress.Parse(options.Value.From);
        var message = new MimeMessage
        {
            Subject = Fill(Read($"{mail.Template}.subject.txt"), values, html: false).Trim(),
            MessageId = $"{messageId}@{from.Domain}",
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Body = new BodyBuilder
        {
            TextBody = Fill(Read($"{mail.Template}.txt"), values, html: false),
            HtmlBody = Fill(Read($"{mail.Template}.html"), values, html: true),
        }.ToMessageBody();
        return message;
    }

    // Read once each: the files are part of the release, and a deployment's own are set at start.
    private string Read(string file) => texts.GetOrAdd(file, name =>
        overrides is not null && File.Exists(Path.Combine(overrides, name))
            ? File.ReadAllText(Path.Combine(overrides, name))
            : File.ReadAllText(Path.Combine(Shipped, name)));

    private static string Fill(string template, Dictionary<string, string> values, bool html) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? html ? WebUtility.HtmlEncode(value) : value
            : match.Value);

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
