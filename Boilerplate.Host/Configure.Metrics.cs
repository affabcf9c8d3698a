using Boilerplate.Host.Settings;
using Boilerplate.ServiceInterface.Metrics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Boilerplate.Host;

/// <summary>
/// OpenTelemetry metrics, scraped by Prometheus at <c>/metrics</c>: the service's own
/// (<see cref="AppMetrics"/>) and those ASP.NET Core, Kestrel, the .NET runtime and Npgsql publish
/// themselves. <c>Metrics:Port</c> moves the endpoint to a port of its own, the only one it answers on.
/// </summary>
public static class ConfigureMetrics
{
    private const string Path = "/metrics";

    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AppMetrics>();
        // Read here, as the options will bind it, because whether to collect at all is decided now.
        var settings = builder.Configuration.GetSection(MetricsSettings.Section).Get<MetricsSettings>() ?? new MetricsSettings();
        if (settings.Enabled)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(AppMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                    "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics", "System.Runtime", "Npgsql")
                .AddPrometheusExporter());
        }
        return builder;
    }

    public static WebApplication UseMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<MetricsSettings>>().Value;
        if (!settings.Enabled)
            return app;
        if (settings.Port is not { } port)
        {
            app.MapPrometheusScrapingEndpoint(Path);
            return app;
        }

        ListenAlsoOn(app, port);
        // The metrics port is for the scraper alone, and the API's ports never answer /metrics.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Connection.LocalPort == port && context.Request.Path == Path);
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != port)
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    /// <summary>
    /// Adds the metrics port to the addresses the host would listen on anyway. Named addresses
    /// replace the configured ones, so those are named too: ASP.NET Core's --urls / ASPNETCORE_URLS,
    /// else ASPNETCORE_HTTP_PORTS, else its own default.
    /// </summary>
    private static void ListenAlsoOn(WebApplication app, int port)
    {
        var urls = Split(app.Configuration[WebHostDefaults.ServerUrlsKey]);
        if (urls.Count == 0)
            urls = Split(app.Configuration[WebHostDefaults.HttpPortsKey]).ConvertAll(p => $"http://*:{p}");
        if (urls.Count == 0)
            urls = ["http://localhost:5000"];
        foreach (var url in urls.Append($"http://*:{port}"))
            app.Urls.Add(url);
    }

    private static List<string> Split(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];
}
