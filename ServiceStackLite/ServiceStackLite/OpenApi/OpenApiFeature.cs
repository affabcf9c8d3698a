using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using ServiceStack.Metadata;
using ServiceStack.OpenApi;

namespace ServiceStack;

/// <summary>
/// The OpenAPI 3.1 document of the request DTOs (ASP.NET Core's generator, filled in from the
/// catalog), and Swagger UI to explore it, served from its NuGet package's embedded files.
/// </summary>
public static class OpenApiFeature
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";
    public const string ExplorerPath = "/swagger-ui";

    private const string BearerOnlyScriptPath = ExplorerPath + "/bearer-only.js";

    // The explorer calls the API with the token a person pastes into Authorize and nothing else:
    // never with the cookies a browser session of the same site keeps, so a page that lures a
    // signed-in person here makes no call in their name, and a cookie sign-in tried here stays here.
    private const string BearerOnlyScript = """
        (function () {
            var fetchWithCookies = window.fetch;
            window.fetch = function (input, init) {
                return fetchWithCookies.call(this, input, Object.assign({}, init, { credentials: 'omit' }));
            };
        })();
        """;

    // Everything comes from this server; Swagger UI styles its elements inline and draws icons as data: images.
    private const string ExplorerContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddServiceStackOpenApi(this IServiceCollection services, Action<OpenApiFeatureOptions> configure)
    {
        var options = new OpenApiFeatureOptions();
        configure(options);
        services.AddSingleton(options);
        services.TryAddSingleton(ApiMetadata.Create);
        services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            openApi.AddDocumentTransformer<ServiceStackDocumentTransformer>();
        });
        return services;
    }

    /// <summary>
    /// Maps the document, the explorer at <c>/swagger-ui/</c> (where ServiceStack puts it), and
    /// <c>/</c> to the explorer. The explorer sends bearer tokens only, under a policy of its own.
    /// </summary>
    public static IEndpointRouteBuilder MapServiceStackOpenApi(this IEndpointRouteBuilder endpoints, string title)
    {
        // The one document by its own path: a pattern over document names would answer other
        // names with a plain-text 404 of its own rather than the error shape.
        endpoints.MapOpenApi(DocumentPath);
        endpoints.MapGet(BearerOnlyScriptPath, (HttpContext context) =>
        {
            ExplorerHeaders(context.Response.Headers);
            return Results.Text(BearerOnlyScript, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        endpoints.MapSwaggerUI(ExplorerPath.TrimStart('/'), explorer =>
        {
            explorer.DocumentTitle = title;
            explorer.SwaggerEndpoint(DocumentPath, title);
            explorer.EnablePersistAuthorization();
            explorer.EnableTryItOutByDefault();
            explorer.InjectJavascript(BearerOnlyScriptPath);
        }).Add(endpoint =>
        {
            var serve = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                ExplorerHeaders(context.Response.Headers);
                return serve(context);
            };
        });
        endpoints.MapGet("/", context =>
        {
            context.Response.Redirect(ExplorerPath + "/");
            return Task.CompletedTask;
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static void ExplorerHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ExplorerContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
