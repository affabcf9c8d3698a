using Boilerplate.Host;
using Boilerplate.Host.Cli;
using Boilerplate.Host.Hosting;
using Boilerplate.Host.Settings;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Revocation;

// The startup modules, in the order they run:
//   Configure.Settings   every configuration section, checked together; BOILERPLATE_ENV, SECRET_KEY, DATABASE_URL
//   Configure.Logging    the request log, which never holds a query string
//   Configure.Db         linq2db on SQLite or PostgreSQL, FluentMigrator, migrations at start where configured
//   Configure.Accounts   each feature's and machinery's own registrations (users, passwords, tokens,
//                        revocation, sessions, sign-in, registration, two-factor, passkeys, account
//                        email, the mail outbox, rate limits), one line each
//   Configure.Auth       ASP.NET Core's JWT bearer handler, asking the tokens' acceptance
//   Configure.ExternalSignIn  an OpenID Connect handler per Auth:External provider, and GET /auth/{name}
//   Configure.Limits     Kestrel's cut-offs for slow headers and slow bodies
//   Configure.Https      HSTS and HTTP-to-HTTPS redirection, in production only
//   Configure.ForwardedHeaders  the client's address and scheme, from trusted proxies only
//   Configure.Cors       cross-origin calls from the front ends listed in Cors:AllowedOrigins
//   Configure.AppHost    the ServiceStack-style message layer: DTO routes, validation, error bodies
//   Configure.OpenApi    the API described: /openapi/v1.json, the explorer at / and /swagger-ui/, /metadata
//   Configure.AccountApp the account pages at /account/, where the mail links lead
//   Configure.Health     /health/live and /health/ready for load balancers
//   Configure.Metrics    OpenTelemetry metrics for Prometheus at /metrics, where Metrics:Enabled
WebApplication? app = null;
try
{
    // The command is read first: --help and usage errors need no host. Commands build it when they need it.
    return await new CommandLine(() => App(serving: false).Services, () => ServeAsync(App(serving: true))).RunAsync(args);
}
// Whatever stops the start is said in one line per problem on stderr, never with a stack trace.
// HostAbortedException is how the tests' in-process host takes over after Build: not ours to catch.
catch (Exception e) when (e is not HostAbortedException)
{
    foreach (var line in StartupErrors.Describe(e))
        await Console.Error.WriteLineAsync($"error: {line}");
    return 1;
}

WebApplication App(bool serving) => app ??= Build(HostArguments.Split(args, CommandLine.OptionNames).Host, serving);

static WebApplication Build(string[] args, bool serving)
{
    var environmentChoice = AppEnvironment.Select();
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.For(args) });
    builder.QuietUntilStarted();
    builder.AddSettings();
    builder.AddRequestLog();
    builder.AddDatabase();
    builder.AddAccounts();
    builder.AddAuth();
    builder.AddExternalSignIn();
    builder.AddLimits();
    builder.AddHttps();
    builder.AddForwardedHeaders();
    builder.AddCors();
    builder.AddAppHost();
    builder.AddOpenApi();
    builder.AddHealth();
    builder.AddMetrics();

    // The server needs every setting, so all are checked before it starts. A command such as
    // `db upgrade` needs only the sections it reads, each checked as it is first read: a migration
    // job carries no mail server or public URL.
    if (serving)
        builder.CheckSettings();
    var app = builder.Build();
    app.Lifetime.ApplicationStarted.Register(StartupErrors.Started);
    if (serving)
        app.Logger.LogInformation("Environment {Environment} ({Choice}).", app.Environment.EnvironmentName, environmentChoice);

    // Middleware runs in this order, before the endpoint: the metrics port's own answers first, then
    // the client's address and scheme, HTTPS (production), the request log, security headers,
    // error bodies, CORS and authentication (UseAppHost).
    app.UseMetrics();
    app.UseForwardedClientAddress();
    app.UseHttps();
    app.UseRequestLog();
    app.UseAppHost();
    app.UseExternalSignIn();
    app.UseOpenApi();
    app.UseAccountApp();
    app.UseHealth();
    return app;
}

// The checks that can refuse a start run before the host does, so a refusal is never a host fault.
static async Task ServeAsync(WebApplication app)
{
    app.Services.GetRequiredService<DatabaseStartup>().EnsureCurrent();
    await app.Services.GetRequiredService<RevocationSync>().StartAsync(app.Lifetime.ApplicationStopping);
    try
    {
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // The background workers (the mail sender) started before Kestrel failed to bind: they
            // stop before the services they use are disposed, as after a normal run.
            await app.StopAsync();
            throw;
        }
        await app.WaitForShutdownAsync();
    }
    finally
    {
        await app.DisposeAsync();
    }
}

public partial class Program;
