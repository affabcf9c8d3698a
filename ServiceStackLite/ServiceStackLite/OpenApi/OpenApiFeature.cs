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

    /// <summary>Maps the document, the explorer at <c>/swagger-ui/</c> (where ServiceStack puts it), and <c>/</c> to the explorer.</summary>
    public static IEndpointRouteBuilder MapServiceStackOpenApi(this IEndpointRouteBuilder endpoints, string title)
    {
        // The one document by its own path: a pattern over document names would answer other
        // names with a plain-text 404 of its own rather than the error shape.
        endpoints.MapOpenApi(DocumentPath);
        endpoints.MapSwaggerUI(ExplorerPath.TrimStart('/'), explorer =>
        {
            explorer.DocumentTitle = title;
            explorer.SwaggerEndpoint(DocumentPath, title);
            explorer.EnablePersistAuthorization();
            explorer.EnableTryItOutByDefault();
        });
        endpoints.MapGet("/", context =>
        {
            context.Response.Redirect(ExplorerPath + "/");
            return Task.CompletedTask;
        }).ExcludeFromDescription();
        return endpoints;
    }
}
