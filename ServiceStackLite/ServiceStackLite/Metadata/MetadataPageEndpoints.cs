using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceStack.Metadata;

namespace ServiceStack;

public static class MetadataPageEndpoints
{
    /// <summary>Maps <c>/metadata</c>: every operation, and links to the OpenAPI document, the explorer and the typed DTOs.</summary>
    public static IEndpointRouteBuilder MapMetadataPage(this IEndpointRouteBuilder endpoints, string title)
    {
        MetadataPage.Link[] links =
        [
            new("OpenAPI document", OpenApiFeature.DocumentPath),
            new("API explorer", OpenApiFeature.ExplorerPath + "/"),
            new("Add ServiceStack Reference", "/types"),
            new("TypeScript DTOs", "/types/typescript"),
            new("C# DTOs", "/types/csharp"),
            new("Metadata as JSON", "/types/metadata"),
        ];
        var page = new Lazy<byte[]>(() => Encoding.UTF8.GetBytes(MetadataPage.Render(
            endpoints.ServiceProvider.GetService<ApiMetadata>() ?? ApiMetadata.Create(endpoints.ServiceProvider), title, links)));

        endpoints.MapGet("/metadata", context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.Body.WriteAsync(page.Value, context.RequestAborted).AsTask();
        }).ExcludeFromDescription();
        return endpoints;
    }
}
