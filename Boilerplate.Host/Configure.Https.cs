using Boilerplate.Host.Settings;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host;

/// <summary>
/// In production only: HSTS, and plain HTTP redirected to HTTPS (<see cref="HttpsSettings"/>).
/// Behind a TLS-terminating proxy listed in <c>ForwardedHeaders:KnownProxies</c>, its
/// X-Forwarded-Proto says the request was HTTPS, so nothing is redirected; a proxy that sends no
/// such header needs <c>Https:Redirect</c> false. The health probes are never redirected: load
/// balancers call them over plain HTTP. Development and tests run on plain HTTP, where either
/// would only get in the way.
/// </summary>
public static class ConfigureHttps
{
    public static WebApplicationBuilder AddHttps(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        builder.Services.AddOptions<HttpsRedirectionOptions>()
            .Configure<IOptions<HttpsSettings>>((redirect, settings) => redirect.HttpsPort = settings.Value.Port);
        return builder;
    }

    public static WebApplication UseHttps(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
            return app;
        app.UseHsts();
        if (app.Services.GetRequiredService<IOptions<HttpsSettings>>().Value.Redirect)
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        return app;
    }
}
