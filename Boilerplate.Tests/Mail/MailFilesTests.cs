using Boilerplate.Tests.Support;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Boilerplate.Tests.Mail;

/// <summary>
/// Without a mail server, development writes each mail as an .eml file and logs its link, so
/// `make run` needs nothing else; and a deployment words its mail in template files of its own.
/// </summary>
public class MailFilesTests
{
    [Test]
    public async Task Development_without_SMTP_URL_writes_eml_files_and_logs_the_link()
    {
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(Environments.Development, logs: logs);
        var api = factory.CreateApi();

        // Development signs in with cookies (the account pages' mode), so the body holds no token to read.
        var registered = await api.PostAsync("/user", new { email = "devmail@example.com", username = "devmail", password = "password-123" });
        Assert.That(registered.Status, Is.EqualTo(201), registered.Text);
        var mail = (await WaitForFilesAsync(factory.MailFolder, 1)).Single();

        Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo("devmail@example.com"));
        var token = SmtpServer.TokenOf(mail);
        // The file lands before the sender marks the row sent and logs the link.
        for (var i = 0; i < 100 && !logs.Lines.Any(l => l.Contains(token, StringComparison.Ordinal)); i++)
            await Task.Delay(50);
        Assert.That(logs.Lines, Has.Some.Contains("Development: mail verify_email to devmail@example.com: http://localhost/account/verify-email?token="));
        Assert.That(logs.Lines, Has.Some.Contains(token), "the link is in the log, to be followed from the console");
        Assert.That((await api.PostAsync("/auth/verify-email", new { token })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_template_folder_replaces_the_shipped_files_of_the_same_name()
    {
        var templates = Directory.CreateTempSubdirectory("ssboilerplate-templates").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(templates, "verify_email.subject.txt"), "{{app_name}} says hello, {{username}}");
            await File.WriteAllTextAsync(Path.Combine(templates, "verify_email.txt"), "Ours, not the shipped one. Confirm here: {{link}}\n");
            using var factory = new ApiFactory { Settings = { ["Email:TemplatesPath"] = templates, ["App:Name"] = "Acme Accounts" } };

            await factory.CreateApi().RegisterAsync("templated");
            var mail = (await WaitForFilesAsync(factory.MailFolder, 1)).Single();

            Assert.That(mail.Subject, Is.EqualTo("Acme Accounts says hello, templated"));
            Assert.That(mail.TextBody, Does.StartWith("Ours, not the shipped one. Confirm here: http://localhost/account/verify-email?token="));
            Assert.That(mail.HtmlBody, Does.Contain("/account/verify-email?token="), "the HTML body has no file of its own there: the shipped one");
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }

    private static async Task<List<MimeMessage>> WaitForFilesAsync(string folder, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];
            if (files.Length >= count)
                return files.Select(file => MimeMessage.Load(file)).ToList();
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{count} .eml file(s) did not appear in {folder}; {files.Length} did.");
            await Task.Delay(100);
        }
    }
}
