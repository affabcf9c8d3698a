using Microsoft.AspNetCore.HttpLogging;

namespace Boilerplate.Host;

/// <summary>
/// The request log: one line per request with its method, path, status and duration, never its
/// query string, where a client may have put a password (the message layer refuses it, but only
/// after the request has arrived). ASP.NET Core's own request lines hold the whole URL, so they
/// are turned off here, after the configuration's rules, which this filter outranks.
/// </summary>
public static class ConfigureLogging
{
    public static WebApplicationBuilder AddRequestLog(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.AddHttpLogging(log =>
        {
            log.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            log.CombineLogs = true;
        });
        return builder;
    }

    public static WebApplication UseRequestLog(this WebApplication app)
    {
        app.UseHttpLogging();
        return app;
    }
}
