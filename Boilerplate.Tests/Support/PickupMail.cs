using MimeKit;

namespace Boilerplate.Tests.Support;

/// <summary>The mail a host writes as .eml files to its pickup folder when no SMTP server is set.</summary>
public static class PickupMail
{
    /// <summary>
    /// The token in the link of the mail to <paramref name="to"/>, once a sender has written it:
    /// hosts on one database each send what they claim from the outbox, so any of their folders.
    /// </summary>
    public static async Task<string> TokenForAsync(string to, params string[] folders)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            foreach (var path in folders.Where(Directory.Exists).SelectMany(f => Directory.GetFiles(f, "*.eml")))
            {
                var message = await MimeMessage.LoadAsync(path);
                if (message.To.Mailboxes.Any(m => m.Address == to))
                    return SmtpServer.TokenOf(message);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no mail to {to} in {string.Join(", ", folders)}");
    }
}
