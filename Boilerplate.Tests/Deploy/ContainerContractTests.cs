using System.Diagnostics;
using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Deploy;

/// <summary>
/// The image's contract, tested without a container runtime (none works here): the published
/// output run the way the Dockerfile runs it, with its command, its environment (the port and the
/// volume's folder moved to free ones), an unprivileged user, the app folder read-only and only
/// the data folder writable.
/// </summary>
[NonParallelizable]
public class ContainerContractTests
{
    private const string Nobody = "65534";
    private const string Secret = "a-long-random-production-secret-for-the-image-7f3e";

    private Dockerfile dockerfile = null!;
    private string root = null!;
    private string app = null!;
    private string data = null!;

    [OneTimeSetUp]
    public async Task Publish()
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
            Assert.Ignore("Running as the image's unprivileged user needs root and setpriv: run make test as root, as CI does (apt-get install util-linux).");
        dockerfile = Dockerfile.Read();
        root = Directory.CreateTempSubdirectory("boilerplate-image").FullName;
        app = Path.Combine(root, "app");
        data = Path.Combine(root, "data");
        // The Dockerfile's build stage publishes the host as docs/deploy.md does; a copy, to make read-only.
        await Shell("cp", "-r", await PublishedHost.FolderAsync(), app);

        // As the image has it: /app owned by root and read-only, /data the app user's.
        await Shell("chmod", "755", root);
        await Shell("chmod", "-R", "a-w", app);
        Directory.CreateDirectory(data);
        await Shell("chown", $"{Nobody}:{Nobody}", data);
    }

    [OneTimeTearDown]
    public async Task Clean()
    {
        if (root is null)
            return;
        await Shell("chmod", "-R", "u+w", root);
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public void The_image_runs_as_a_non_root_user_on_port_8080_with_a_data_volume_and_a_health_check()
    {
        Assert.That(dockerfile.BaseImage, Does.StartWith("mcr.microsoft.com/dotnet/aspnet:10.0"));
        Assert.That(dockerfile.User, Is.EqualTo("$APP_UID"), "the runtime image's own non-root user");
        Assert.That(dockerfile.Environment["ASPNETCORE_HTTP_PORTS"], Is.EqualTo("8080"));
        Assert.That(dockerfile.Expose, Is.EqualTo("8080"));
        Assert.That(dockerfile.Volume, Is.EqualTo("/data"));
        Assert.That(dockerfile.Environment["DATABASE_URL"], Is.EqualTo("sqlite:////data/boilerplate.db"));
        Assert.That(dockerfile.HealthCheck, Is.EqualTo(new[] { "dotnet", "Boilerplate.Host.dll", "probe", "http://localhost:8080/health/live" }));
    }

    [Test]
    public async Task Run_as_the_image_runs_it_the_host_migrates_serves_passes_its_health_check_and_writes_only_to_data()
    {
        var port = LoopbackPort.Free();
        var environment = ImageEnvironment(port);
        var entrypoint = dockerfile.Entrypoint;

        // The documented first run: the schema, as a one-off of the same image.
        var migrated = await HostProcess.RunCommandAsync([.. AsAppUser, .. entrypoint, "db", "upgrade"], environment, app);
        Assert.That(migrated.ExitCode, Is.EqualTo(0), migrated.Error);

        await using var host = await HostProcess.ServeCommandAsync([.. AsAppUser, .. entrypoint], environment, $"http://127.0.0.1:{port}/health/live", app);
        var health = await HostProcess.RunCommandAsync([.. AsAppUser, .. Port(dockerfile.HealthCheck, port)], environment, app);
        using var http = new HttpClient();
        // As the TLS proxy in front of the image sends it (its address is a known proxy).
        var registration = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/user")
        {
            Content = Api.Json(new { email = "image@example.com", username = "image", password = "password-123" }),
            Headers = { { "X-Forwarded-Proto", "https" } },
        };
        var registered = await http.SendAsync(registration);

        Assert.That(health.ExitCode, Is.EqualTo(0), health.Error);
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        Assert.That(File.Exists(Path.Combine(data, "boilerplate.db")), Is.True, "SQLite's file is on the volume");
        Assert.That(await File.ReadAllTextAsync($"/proc/{host.Process.Id}/status"), Does.Match($@"Uid:\s+{Nobody}\b"));
        var lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.Not.Empty.And.All.Matches<string>(line => JsonNode.Parse(line) is JsonObject), "the image logs JSON, one object a line");
    }

    [Test]
    public async Task The_image_refuses_to_start_without_a_secret_in_one_line()
    {
        var environment = ImageEnvironment(LoopbackPort.Free());
        environment.Remove("SECRET_KEY");

        var (exitCode, _, error) = await HostProcess.RunCommandAsync([.. AsAppUser, .. dockerfile.Entrypoint], environment, app);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo("error: no secret key is set: set SECRET_KEY (at least 32 bytes, random)."));
    }

    private static string[] AsAppUser => ["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups"];

    /// <summary>The Dockerfile's ENV with the port and the volume's folder moved, and what an operator adds: the secret, the proxy in front, the mail server and the front end's address.</summary>
    private Dictionary<string, string?> ImageEnvironment(int port)
    {
        var environment = dockerfile.Environment.ToDictionary(e => e.Key, e => (string?)e.Value.Replace("/data/", data + "/", StringComparison.Ordinal));
        environment["ASPNETCORE_HTTP_PORTS"] = $"{port}";
        environment["SECRET_KEY"] = Secret;
        environment["ForwardedHeaders__KnownNetworks__0"] = "127.0.0.0/8";
        environment["SMTP_URL"] = "smtp://127.0.0.1:1?tls=none";
        environment["App__PublicUrl"] = "https://app.example.test";
        environment["HOME"] = "/nonexistent";
        return environment;
    }

    private static string[] Port(string[] command, int port) =>
        command.Select(part => part.Replace(":8080/", $":{port}/", StringComparison.Ordinal)).ToArray();

    private static async Task Shell(params string[] command)
    {
        using var process = Process.Start(new ProcessStartInfo(command[0], command.Skip(1)))!;
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.EqualTo(0), string.Join(' ', command));
    }
}
