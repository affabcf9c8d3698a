using MailKit.Security;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>
/// An SMTP server read from a URL, as the seed reads its database from DATABASE_URL:
/// <c>smtp://[user:password@]host[:port][?tls=none|starttls|tls]</c>. STARTTLS is required unless
/// the URL says otherwise; the port is 465 with <c>tls</c>, else 587.
/// </summary>
public sealed record SmtpAddress(string Host, int Port, SecureSocketOptions Security, string? UserName, string? Password)
{
    public static SmtpAddress Parse(string url) =>
        TryParse(url, out var address, out var problem) ? address : throw new FormatException(problem);

    /// <summary>Why the URL cannot be read, or null; never repeats a password.</summary>
    public static string? Problem(string url) => TryParse(url, out _, out var problem) ? null : problem;

    private static bool TryParse(string url, out SmtpAddress address, out string problem)
    {
        address = null!;
        problem = "";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != "smtp" || uri.Host.Length == 0)
        {
            problem = "must look like smtp://[user:password@]host:port?tls=none|starttls|tls.";
            return false;
        }
        var tls = "starttls";
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, "");
            if (key != "tls")
            {
                problem = $"has a setting it does not know: '{Uri.UnescapeDataString(key)}'.";
                return false;
            }
            tls = value.ToLowerInvariant();
        }
        SecureSocketOptions? security = tls switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => null,
        };
        if (security is null)
        {
            problem = $"tls must be none, starttls or tls, not '{tls}'.";
            return false;
        }
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var port = uri.IsDefaultPort || uri.Port < 0 ? (security == SecureSocketOptions.SslOnConnect ? 465 : 587) : uri.Port;
        address = new SmtpAddress(uri.Host, port, security.Value, user, password);
        return true;
    }

    /// <summary>The address without its credentials, for a log line.</summary>
    public override string ToString() => $"smtp://{Host}:{Port} ({Security})";
}
