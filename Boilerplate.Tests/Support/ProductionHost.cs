using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Boilerplate.Tests.Support;

/// <summary>
/// The real host, in process, on production's settings: its bcrypt cost, its rate limits, its
/// lockout, HTTPS; with only what production refuses to start without added (a secret, a public
/// URL, mail written to a folder) and its migrations applied. One per test, so each test has the
/// rate limits' whole budget.
/// </summary>
public sealed class ProductionHost : IDisposable
{
    public const string PublicUrl = "https://app.example.test";

    private readonly ApiFactory factory;

    public ProductionHost(TestDatabase? database = null, Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        factory = new ApiFactory(Environments.Production, database, clock, Logs);
        factory.Settings["Auth:SecretKey"] = "a-long-random-production-secret-for-security-tests-8c2d";
        factory.Settings["Database:MigrateOnStart"] = "true";
        // The in-process server has no connection address, so the forwarded-headers step takes any
        // request as this proxy's: a test names each client's address in X-Forwarded-For.
        factory.Settings["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1";
        foreach (var (key, value) in settings ?? [])
            factory.Settings[key] = value;
        Api = NewClient();
    }

    public ApiFactory Factory => factory;

    /// <summary>Every line the host logs, the audit log's included.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The audit lines of one kind, e.g. "sign-in failed", with what follows on each.</summary>
    public List<string> Audited(string what) => Logs.Lines.Where(l => l.Contains($"audit {what} ", StringComparison.Ordinal)).ToList();

    /// <summary>A client of its own (its own cookies), over HTTPS as production serves.</summary>
    public Api NewClient() => new(factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") }));

    public Api Api { get; }

    /// <summary>Registers a user and answers their token.</summary>
    public Task<string> RegisterAsync(string name, string password = "password-123") => Api.RegisterAsync(name, password);

    /// <summary>Every mail to <paramref name="to"/> whose subject holds <paramref name="subject"/>, once <paramref name="count"/> of them are written.</summary>
    public async Task<List<MimeMessage>> MailAsync(string to, string subject = "", int count = 1)
    {
        for (var attempt = 0; ; attempt++)
        {
            var found = (Directory.Exists(factory.MailFolder) ? Directory.GetFiles(factory.MailFolder, "*.eml") : [])
                .Select(file => MimeMessage.Load(file))
                .Where(m => m.To.Mailboxes.Any(b => b.Address == to) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal))
                .ToList();
            if (found.Count >= count || attempt == 150)
                return found;
            await Task.Delay(100);
        }
    }

    public void Dispose() => factory.Dispose();
}
