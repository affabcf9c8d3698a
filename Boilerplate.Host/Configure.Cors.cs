using Boilerplate.Host.Settings;
using Boilerplate.ServiceInterface.ApiKeys;
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
                .WithHeaders("Content-Type", "Authorization", ApiKeySecrets.Header)
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                .WithExposedHeaders("X-Cookies")));
        return builder;
    }

    /// <summary>
    /// CORS for requests from another origin only. A browser sends <c>Origin</c> with a same-origin
    /// POST too (the account pages'), which needs no policy and would only log its refusal.
    /// </summary>
    public static IApplicationBuilder UseCrossOriginCors(this IApplicationBuilder app) =>
        app.UseWhen(context => IsCrossOrigin(context.Request), cors => cors.UseCors());

    private static bool IsCrossOrigin(HttpRequest request) =>
        request.Headers.Origin is [{ Length: > 0 } origin]
        && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
}
