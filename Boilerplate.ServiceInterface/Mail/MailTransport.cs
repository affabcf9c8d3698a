using MailKit.Net.Smtp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>Where mail leaves: the SMTP server (MailKit), or .eml files in the pickup folder.</summary>
public sealed class MailTransport(IOptions<EmailSettings> options, IHostEnvironment environment)
{
    private readonly EmailSettings settings = options.Value;

    public bool IsPickup => settings.DeliveryIn(environment) == MailDelivery.Pickup;

    private string PickupPath => Path.GetFullPath(settings.PickupFolder, environment.ContentRootPath);

    /// <summary>A session that sends several mails over one connection, opened at the first.</summary>
    public Session Open() => new(this);

    public sealed class Session(MailTransport transport) : IAsyncDisposable
    {
        private SmtpClient? smtp;

        public async Task SendAsync(MimeMessage message, CancellationToken cancel)
        {
            if (transport.IsPickup)
            {
                var folder = transport.PickupPath;
                Directory.CreateDirectory(folder);
                // Written aside and moved in, so whatever watches the folder never reads half a mail.
                var file = Path.Combine(folder, $"{message.MessageId!.Split('@')[0]}.eml");
                await message.WriteToAsync(file + ".part", cancel);
                File.Move(file + ".part", file, overwrite: true);
                return;
            }
            if (smtp is null)
            {
                var address = SmtpAddress.Parse(transport.settings.SmtpUrl!);
                var client = new SmtpClient { Timeout = 15_000 };
                try
                {
                    await client.ConnectAsync(address.Host, address.Port, address.Security, cancel);
                    if (address.UserName is { } user)
                        await client.AuthenticateAsync(user, address.Password ?? "", cancel);
                }
                catch
                {
                    client.Dispose();
                    throw;
                }
                smtp = client;
            }
            await smtp.SendAsync(message, cancel);
        }

        public async ValueTask DisposeAsync()
        {
            if (smtp is null)
                return;
            try
            {
                if (smtp.IsConnected)
                    await smtp.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException)
            {
                // The mails were sent or retried already; a failed goodbye changes nothing.
            }
            smtp.Dispose();
        }
    }
}
