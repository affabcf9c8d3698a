using Boilerplate.Tests.Support;
using MimeKit;

namespace Boilerplate.Tests.Security;

/// <summary>
/// A mail's link leads to the service's own address, never to the one a request's Host header
/// names: that header is the client's to write, and a reset link to an attacker's host would hand
/// them the token.
/// </summary>
public class MailLinkTests
{
    private const string ForeignHost = "attacker.example";

    [Test]
    public async Task In_production_links_lead_to_App_PublicUrl_whatever_host_the_request_names()
    {
        using var host = new ProductionHost();
        await host.RegisterAsync("named");

        var asked = await SendWithHostAsync(host.Api.Http, "/auth/forgot-password", new { email = "named@example.com" });
        var mail = (await host.MailAsync("named@example.com", "Reset")).Single();

        Assert.That(asked, Is.EqualTo(202));
        Assert.That(SmtpServer.LinkFrom(mail), Does.StartWith($"{ProductionHost.PublicUrl}/account/reset-password?token="));
    }

    [Test]
    public async Task Without_App_PublicUrl_as_make_run_starts_links_lead_where_the_server_listens()
    {
        using var database = new SqliteTestDatabase();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var mailFolder = Directory.CreateTempSubdirectory("boilerplate-mail").FullName;
        var development = new Dictionary<string, string?>
        {
            ["BOILERPLATE_ENV"] = "dev",
            ["DATABASE_URL"] = database.Url,
            ["Email__PickupFolder"] = mailFolder,
        };
        await using var served = await HostProcess.ServeAsync(["--urls", url], development, url + "/health/live");
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        var registered = await SendWithHostAsync(http, "/user", new { email = "dev@example.com", username = "dev_user", password = "password-123" });
        var asked = await SendWithHostAsync(http, "/auth/forgot-password", new { email = "dev@example.com" });
        var links = (await MailsAsync(mailFolder, count: 2)).Select(SmtpServer.LinkFrom).ToList();

        Assert.That((registered, asked), Is.EqualTo((201, 202)));
        Assert.That(links, Has.Count.EqualTo(2).And.All.StartWith($"{url}/account/"), string.Join("\n", links));
    }

    private static async Task<int> SendWithHostAsync(HttpClient http, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Api.Json(body) };
        request.Headers.Host = ForeignHost;
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    private static async Task<List<MimeMessage>> MailsAsync(string folder, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var mails = Directory.GetFiles(folder, "*.eml").Select(file => MimeMessage.Load(file)).ToList();
            if (mails.Count >= count || attempt == 100)
                return mails;
            await Task.Delay(100);
        }
    }
}
