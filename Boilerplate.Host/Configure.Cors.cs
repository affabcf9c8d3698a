using Boilerplate.Host.Settings;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host;

/// <summary>
/// CORS for browser front ends on other origins, as ServiceStack's clients need it: the origin
/// echoed, credentials allowed, Authorization sent, X-Cookies readable. Only the origins listed in
/// <c>Cors:AllowedOrigins</c> get it; with none listed, no cross-origin call is allowed.
/// </summary>
public static class ConfigureCors
{
    public static WebApplicationBuilder AddCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. settings.Value.AllowedOrigins])
                .AllowCredentials()
                .WithHeaders("Content-Type", "Authorization")
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                .WithExposedHeaders("X-Cookies")));
        return builder;
    }
}
