using Boilerplate.Host;
using Boilerplate.Host.Cli;
using Boilerplate.Host.Settings;
using Boilerplate.ServiceInterface;
using Boilerplate.ServiceInterface.Data;

// The startup modules, in the order they run:
//   Configure.Settings   every configuration section, checked together; BOILERPLATE_ENV, SECRET_KEY, DATABASE_URL
//   Configure.Logging    the request log, which never holds a query string
//   Configure.Db         linq2db on SQLite or PostgreSQL, FluentMigrator, migrations at start where configured
//   Configure.Users      the user table's store and the rules of accounts
//   Configure.Auth       bcrypt, sessions, JWT issue and acceptance, revocations shared across hosts
//   Configure.RateLimits the budget of sign-in, registration and refresh per client
//   Configure.Limits     Kestrel's cut-offs for slow headers and slow bodies
//   Configure.Https      HSTS and HTTP-to-HTTPS redirection, in production only
//   Configure.ForwardedHeaders  the client's address and scheme, from trusted proxies only
//   Configure.Cors       cross-origin calls from the front ends listed in Cors:AllowedOrigins
//   Configure.AppHost    the ServiceStack-style message layer: DTO routes, validation, error bodies
//   Configure.OpenApi    the API described: /openapi/v1.json, the explorer at / and /swagger-ui/, /metadata
//   Configure.Health     /health/live and /health/ready for load balancers
try
{
    AppEnvironment.Select();
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSettings();
    builder.AddRequestLog();
    builder.AddDatabase();
    builder.AddUsers();
    builder.AddAuth();
    builder.AddRateLimits();
    builder.AddLimits();
    builder.AddHttps();
    builder.AddForwardedHeaders();
    builder.AddCors();
    builder.AddAppHost();
    builder.AddOpenApi();
    builder.AddHealth();

    builder.CheckSettings();
    var app = builder.Build();

    // Middleware runs in this order, before the endpoint: the client's address and scheme first,
    // then HTTPS (production), the request log, security headers, error bodies and CORS (UseAppHost).
    app.UseForwardedClientAddress();
    app.UseHttps();
    app.UseRequestLog();
    app.UseAppHost();
    app.UseOpenApi();
    app.UseHealth();

    return await new CommandLine(app.Services, () => app.RunAsync()).RunAsync(args);
}
// A start the configuration does not allow stops with one line per problem, never a stack trace.
catch (StartupException e)
{
    foreach (var problem in e.Message.Split('\n'))
        await Console.Error.WriteLineAsync($"error: {problem}");
    return 1;
}
catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
{
    await Console.Error.WriteLineAsync($"error: the database cannot be reached: {e.Message}");
    return 1;
}

public partial class Program;
