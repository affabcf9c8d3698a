using Boilerplate.Host;
using Boilerplate.Host.Cli;
using Boilerplate.ServiceInterface.Data;
using Microsoft.Extensions.Options;

// The startup modules, in the order they run:
//   Configure.Settings  environment (BOILERPLATE_ENV), SECRET_KEY / DATABASE_URL, production checks
//   Configure.Db        linq2db on SQLite or PostgreSQL, FluentMigrator, migrations at start where configured
//   Configure.Auth      bcrypt, JWT issue and validation, the revoked-token list
//   Configure.Limits    Kestrel's cut-offs for slow headers and slow bodies; no cap on connections
//   Configure.Https     HSTS and HTTP-to-HTTPS redirection, in production only
//   Configure.Cors      cross-origin calls from the front ends listed in Cors:AllowedOrigins
//   Configure.RateLimits  limits on sign-in, registration and refresh per client; trusted proxies
//   Configure.AppHost   the ServiceStack-style message layer: DTO routes, validation, error bodies
//   Configure.OpenApi   the API described: /openapi/v1.json, the explorer at / and /swagger-ui/, /metadata
//   Configure.Health    /health/live and /health/ready for load balancers
try
{
    AppEnvironment.Select();
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSettings();
    builder.AddDatabase();
    builder.AddAuth();
    builder.AddLimits();
    builder.AddHttps();
    builder.AddCors();
    builder.AddRateLimits();
    builder.AddAppHost();
    builder.AddOpenApi();
    builder.AddHealth();

    // Middleware runs in this order, before the endpoint: the client's address and scheme first,
    // then HTTPS (production), security headers, error bodies and CORS (UseAppHost), then the
    // rate limiter.
    var app = builder.Build();
    app.UseForwardedClientAddress();
    app.UseHttps();
    app.UseAppHost();
    app.UseRateLimiter();
    app.UseOpenApi();
    app.UseHealth();

    return await new CommandLine(app.Services, () => app.RunAsync()).RunAsync(args);
}
// A bad setting stops the service with one line that says which, not a stack trace.
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync($"error: {string.Join(" ", e.Failures)}");
    return 1;
}
// A value the configuration binder cannot read, e.g. Limits__RequestHeadersTimeout=abc; its
// message names the setting and the value.
catch (InvalidOperationException e) when (e.InnerException is FormatException)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}
catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
{
    await Console.Error.WriteLineAsync($"error: the database cannot be reached: {e.Message}");
    return 1;
}

public partial class Program;
