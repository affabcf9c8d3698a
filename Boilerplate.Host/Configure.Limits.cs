using Boilerplate.Host.Settings;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host;

/// <summary>Kestrel's cut-offs for slow headers and slow bodies (<see cref="LimitSettings"/>), set on purpose rather than inherited.</summary>
public static class ConfigureLimits
{
    public static WebApplicationBuilder AddLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitSettings>>((kestrel, options) =>
        {
            var limits = options.Value;
            kestrel.Limits.RequestHeadersTimeout = limits.RequestHeadersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinRequestBodyBytesPerSecond, limits.MinRequestBodyGracePeriod);
            // No cap on connections (Kestrel's default): an idle one costs little, and a cap is
            // a door that a thousand idle sockets could hold shut for everyone else.
            kestrel.Limits.MaxConcurrentConnections = null;
        });
        return builder;
    }
}
