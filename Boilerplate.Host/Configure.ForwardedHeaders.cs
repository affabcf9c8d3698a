using Boilerplate.Host.Settings;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host;

/// <summary>
/// The client's address and scheme: X-Forwarded-For and X-Forwarded-Proto are believed only from
/// the proxies in <c>ForwardedHeaders:KnownProxies</c> and <c>KnownNetworks</c>; otherwise the connection's own stand.
/// </summary>
public static class ConfigureForwardedHeaders
{
    public static WebApplicationBuilder AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only the proxies the operator names.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.ProxyAddresses)
                forwarded.KnownProxies.Add(proxy);
            foreach (var network in settings.Value.Networks)
                forwarded.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    /// <summary>Runs first, so every later step sees the client's real address.</summary>
    public static WebApplication UseForwardedClientAddress(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Any)
            app.UseForwardedHeaders();
        return app;
    }
}
