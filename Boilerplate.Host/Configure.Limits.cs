using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Boilerplate.Host;

/// <summary>
/// Kestrel's limits on slow clients, set here on purpose rather than inherited: a client that
/// takes longer than <c>Limits:RequestHeadersTimeout</c> to send its headers, or sends its body
/// slower than <c>Limits:MinRequestBodyBytesPerSecond</c> once the grace period is over, is cut
/// off, so a slow-loris client cannot hold a connection and a request thread for ever.
/// </summary>
public static class ConfigureLimits
{
    public static WebApplicationBuilder AddLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Limits");
        var headersTimeout = limits.GetValue("RequestHeadersTimeout", TimeSpan.FromSeconds(10));
        var bodyRate = limits.GetValue("MinRequestBodyBytesPerSecond", 240.0);
        var bodyGrace = limits.GetValue("MinRequestBodyGracePeriod", TimeSpan.FromSeconds(5));
        // Checked here, so a bad value stops the start with one line rather than Kestrel's stack trace.
        if (headersTimeout <= TimeSpan.Zero || bodyRate <= 0 || bodyGrace <= TimeSpan.FromSeconds(1))
            throw new StartupException("Limits:RequestHeadersTimeout and Limits:MinRequestBodyBytesPerSecond must be positive, and Limits:MinRequestBodyGracePeriod over one second.");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.RequestHeadersTimeout = headersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bodyRate, bodyGrace);
            // No cap on connections (Kestrel's default): an idle one costs little, and a cap is
            // a door that a thousand idle sockets could hold shut for everyone else.
            kestrel.Limits.MaxConcurrentConnections = null;
        });
        return builder;
    }
}
