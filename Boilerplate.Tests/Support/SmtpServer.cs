using System.Diagnostics;
using System.Text.RegularExpressions;
using MimeKit;

namespace Boilerplate.Tests.Support;

/// <summary>
/// A real SMTP server on a loopback port: Debian's aiosmtpd, which writes every message it
/// accepts into a maildir this reads. It can be stopped and started again on the same port.
/// </summary>
public sealed partial class SmtpServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string maildir = Path.Combine(Path.GetTempPath(), "ssboilerplate-smtp", Guid.NewGuid().ToString("N"));
    private Process? process;

    private SmtpServer()
    {
        Port = LoopbackPort.Free();
        Directory.CreateDirectory(Path.GetDirectoryName(maildir)!);
    }

    public int Port { get; }

    /// <summary>What the host is given as SMTP_URL.</summary>
    public string Url => $"smtp://127.0.0.1:{Port}?tls=none";

    /// <summary>A running server; without aiosmtpd the calling test or fixture is skipped, saying why.</summary>
    public static SmtpServer Start()
    {
        using (var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true }))
        {
            check?.WaitForExit();
            if (check is not { ExitCode: 0 })
                Assert.Ignore("Mail tests need a real SMTP server: apt-get install python3-aiosmtpd (.ci/run does).");
        }
        var server = new SmtpServer();
        server.Resume();
        return server;
    }

    /// <summary>Starts the server again after <see cref="Pause"/>, on the same port; what it already received stays.</summary>
    public void Resume()
    {
        process = Process.Start(new ProcessStartInfo(Python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Listening())
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
                throw new InvalidOperationException("aiosmtpd did not start: " + string.Join('\n', output));
            Thread.Sleep(50);
        }
    }

    /// <summary>Stops the server: connections are refused until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }
        process?.Dispose();
        process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public List<MimeMessage> Messages
    {
        get
        {
            var folder = Path.Combine(maildir, "new");
            if (!Directory.Exists(folder))
                return [];
            return Directory.GetFiles(folder).Select(file => (file, info: new FileInfo(file)))
                .OrderBy(f => f.info.LastWriteTimeUtc).ThenBy(f => f.file, StringComparer.Ordinal)
                .Select(f => MimeMessage.Load(f.file)).ToList();
        }
    }

    /// <summary>The messages to an address with a subject containing <paramref name="subject"/>.</summary>
    public List<MimeMessage> To(string address, string subject = "") =>
        Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)).ToList();

    /// <summary>Waits until <paramref name="count"/> such messages have arrived, and returns them.</summary>
    public async Task<List<MimeMessage>> WaitForAsync(string address, string subject = "", int count = 1, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = To(address, subject);
            if (found.Count >= count)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{count} mail(s) to {address} '{subject}' did not arrive in {seconds} s; {found.Count} did.");
            await Task.Delay(100);
        }
    }

    /// <summary>The token in a mail's link: what the front end page reads from its address and posts.</summary>
    public static string TokenOf(MimeMessage message) => Uri.UnescapeDataString(LinkOf(message).Groups["token"].Value);

    public static string LinkFrom(MimeMessage message) => LinkOf(message).Value;

    private static Match LinkOf(MimeMessage message)
    {
        var link = Link().Match(message.TextBody ?? "");
        Assert.That(link.Success, Is.True, $"a link in: {message.TextBody}");
        return link;
    }

    private bool Listening()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Pause();
        if (Directory.Exists(maildir))
            Directory.Delete(maildir, recursive: true);
    }

    [GeneratedRegex(@"https?://\S+\?token=(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex Link();
}
