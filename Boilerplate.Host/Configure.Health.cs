using System.Text.Json;
using Boilerplate.ServiceInterface.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Boilerplate.Host;

/// <summary>
/// Probes for load balancers and orchestrators, in every environment: <c>/health/live</c> says the
/// process answers (restart it if not); <c>/health/ready</c> says it can serve (route to it).
/// </summary>
public static class ConfigureHealth
{
    private const string Ready = "ready";

    // A dead database must not hold a probe for Npgsql's whole connect timeout.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: CheckTimeout);
        return builder;
    }

    public static WebApplication UseHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return context.Response.WriteAsJsonAsync(body, Json, context.RequestAborted);
    }
}
