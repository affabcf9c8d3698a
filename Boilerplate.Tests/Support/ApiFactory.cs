using Boilerplate.Host.Settings;
using Boilerplate.ServiceInterface.Registration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Boilerplate.Tests.Support;

/// <summary>
/// The real host, in-process, in the Test environment, on a database of its own of the given
/// kind (dropped afterwards), or on a given one (kept, so a second host can reopen it).
/// </summary>
public sealed class ApiFactory(
    string? environment = null, TestDatabase? database = null, TimeProvider? clock = null, CapturedLogs? logs = null,
    DatabaseKind kind = DatabaseKind.Sqlite) : WebApplicationFactory<Program>
{
    private readonly bool ownsDatabase = database is null;

    public TestDatabase Database { get; } = database ?? TestDatabase.Create(kind);

    /// <summary>Settings that override the environment's appsettings file, e.g. "Auth:SecretKey".</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public Api CreateApi() => new(CreateClient());

    /// <summary>Makes an admin the way the create-admin command does, and returns their token.</summary>
    public async Task<string> CreateAdminAsync(string name, string password = "admin-password-1")
    {
        using (var scope = Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Registrations>().RegisterAdminAsync($"{name}@example.com", name, password);
        return await CreateApi().LoginAsync($"{name}@example.com", password);
    }

    /// <summary>Where this host's mail is written as files, unless a test points it at an SMTP server; deleted with the factory.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "ssboilerplate-mail", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment ?? AppEnvironment.Test);
        builder.UseSetting("Database:Url", Database.Url);
        builder.UseSetting("Email:PickupFolder", MailFolder);
        if (environment == Environments.Production)
        {
            // What production asks of every deployment besides its secret: where mail goes and where its links lead.
            builder.UseSetting("Email:Delivery", "Pickup");
            builder.UseSetting("App:PublicUrl", "https://app.example.test");
        }
        else
        {
            // Elsewhere links lead where the server listens; the in-process one listens nowhere, and its clients call it http://localhost.
            builder.UseSetting("App:PublicUrl", "http://localhost");
        }
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        if (logs is not null)
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Not from the finalizer: a factory whose database could not be made has none to drop.
        if (disposing && ownsDatabase)
            Database.Dispose();
        if (disposing && Directory.Exists(MailFolder))
            Directory.Delete(MailFolder, recursive: true);
    }
}
