using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.ExternalSignIn;

/// <summary>
/// A real OpenID Connect provider on loopback (the npm package oidc-provider, run by Provider/provider.js)
/// with the given clients registered, and the user's part at it: its sign-in page filled in and
/// submitted, or denied, over HTTP. Disposing it stops the provider.
/// </summary>
/// <remarks>
/// Each client authenticates at the token endpoint with client_secret_post, must send PKCE (S256), and
/// gets sub, email, email_verified and name in the ID token for the scopes openid email profile.
/// </remarks>
public sealed partial class TestOidcProvider : IAsyncDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "Boilerplate.Tests", "ExternalSignIn", "Provider");
    private static readonly SemaphoreSlim Installing = new(1, 1);

    private readonly HostProcess.Serving node;

    private TestOidcProvider(HostProcess.Serving node, string authority)
    {
        this.node = node;
        Authority = authority;
        Issuer = new Uri(authority);
    }

    /// <summary>The issuer, as the ID tokens and the discovery document name it.</summary>
    public Uri Issuer { get; }

    /// <summary>The issuer as a string with no trailing slash, exactly as the <c>iss</c> claim has it.</summary>
    public string Authority { get; }

    /// <summary>Starts a provider with these clients registered, installing its npm packages first when they are missing or stale.</summary>
    public static async Task<TestOidcProvider> StartAsync(params (string ClientId, string ClientSecret, string RedirectUri)[] clients)
    {
        if (!OnPath("node") || !OnPath("npm"))
            Assert.Ignore("The external sign-in tests run a real OpenID Connect provider on Node.js: apt-get install nodejs npm (.ci/run does).");
        await InstallAsync();

        var clientsJson = new JsonArray([.. clients.Select(client => new JsonObject
        {
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["redirect_uris"] = new JsonArray(client.RedirectUri),
        })]);
        var start = new ProcessStartInfo("node", ["provider.js"])
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OIDC_CLIENTS"] = clientsJson.ToJsonString();
        var node = new HostProcess.Serving(Process.Start(start)!);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        Match ready;
        while (!(ready = IssuerLine().Match(node.Output)).Success)
        {
            if (node.Process.HasExited || DateTime.UtcNow > deadline)
            {
                var why = node.Process.HasExited ? $"exited with {node.Process.ExitCode}" : "printed no issuer line within 30 s";
                var (output, error) = (node.Output, node.Error);
                await node.DisposeAsync();
                throw new InvalidOperationException($"The test OpenID Connect provider (node provider.js in {Folder}) {why}.\nstderr:\n{error}\nstdout:\n{output}");
            }
            await Task.Delay(50);
        }
        return new TestOidcProvider(node, ready.Groups["issuer"].Value);
    }

    /// <summary>
    /// The user at the provider: opens <paramref name="authorizeUrl"/>, signs in on the provider's page as
    /// <paramref name="sub"/> with these claims, and returns where the provider sends them back to (the
    /// client's redirect URI with <c>code</c> and <c>state</c>, or with <c>error</c>). Every call starts with
    /// no cookies at the provider, so it always shows its page and signs in exactly this <paramref name="sub"/>.
    /// </summary>
    public Task<Uri> SignInAsync(Uri authorizeUrl, string sub, string email, bool emailVerified, string name = "Test User")
    {
        var form = new Dictionary<string, string> { ["sub"] = sub, ["email"] = email, ["name"] = name };
        if (emailVerified)
            form["email_verified"] = "true";
        return PressAsync(authorizeUrl, "login", form);
    }

    /// <summary>The user at the provider pressing Deny: returns the redirect back to the client, with <c>error=access_denied</c>.</summary>
    public Task<Uri> DenyAsync(Uri authorizeUrl) => PressAsync(authorizeUrl, "deny", []);

    public async ValueTask DisposeAsync() => await node.DisposeAsync();

    /// <summary>Opens the provider's page from <paramref name="authorizeUrl"/> and submits its form whose action ends in <paramref name="action"/>.</summary>
    private async Task<Uri> PressAsync(Uri authorizeUrl, string action, Dictionary<string, string> form)
    {
        // A browser of its own for each call: the provider's session and interaction cookies, no redirects followed blindly.
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        Uri formAction;
        using (var page = await FollowAsync(http, http.GetAsync(authorizeUrl)))
        {
            var html = await page.Content.ReadAsStringAsync();
            var found = FormAction().Matches(html).FirstOrDefault(match => match.Groups["action"].Value == action);
            if (page.StatusCode != HttpStatusCode.OK || found is null)
                throw Unexpected("its sign-in page", page, html);
            formAction = new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(found.Groups["url"].Value));
        }

        using var answer = await FollowAsync(http, http.PostAsync(formAction, new FormUrlEncodedContent(form)));
        return Redirect(answer) ?? throw Unexpected("a redirect back to the client", answer, await answer.Content.ReadAsStringAsync());
    }

    /// <summary>Follows the provider's redirects to itself; the answer is a page, or a redirect off the provider.</summary>
    private async Task<HttpResponseMessage> FollowAsync(HttpClient http, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        for (var hops = 0; Redirect(response) is { } next && OnProvider(next); hops++)
        {
            response.Dispose();
            if (hops == 10)
                throw new InvalidOperationException($"The provider redirected more than 10 times, last to {next}.");
            response = await http.GetAsync(next);
        }
        return response;
    }

    private static Uri? Redirect(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
            ? new Uri(response.RequestMessage!.RequestUri!, location)
            : null;

    private bool OnProvider(Uri url) =>
        Uri.Compare(url, Issuer, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static InvalidOperationException Unexpected(string expected, HttpResponseMessage response, string body)
    {
        var at = response.RequestMessage?.RequestUri;
        var where = Redirect(response) is { } next ? $"redirected to {next}" : $"answered {(int)response.StatusCode} {response.StatusCode}";
        return new InvalidOperationException($"Expected {expected} from the provider, but {at} {where}:\n{body}");
    }

    private static async Task InstallAsync()
    {
        await Installing.WaitAsync();
        try
        {
            // npm writes node_modules/.package-lock.json last: newer than package-lock.json means installed from it.
            var installed = new FileInfo(Path.Combine(Folder, "node_modules", ".package-lock.json"));
            if (installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json")))
                return;
            var (exitCode, output, error) = await HostProcess.RunCommandAsync(
                ["npm", "ci", "--no-audit", "--no-fund"], [], Folder, TimeSpan.FromMinutes(5));
            if (exitCode != 0)
                throw new InvalidOperationException($"npm ci in {Folder} exited with {exitCode}:\n{error}\n{output}");
        }
        finally
        {
            Installing.Release();
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, program)));

    [GeneratedRegex(@"^issuer (?<issuer>http://\S+)$", RegexOptions.Multiline)]
    private static partial Regex IssuerLine();

    [GeneratedRegex(@"<form method=""post"" action=""(?<url>[^""]*/(?<action>\w+))"">")]
    private static partial Regex FormAction();
}
