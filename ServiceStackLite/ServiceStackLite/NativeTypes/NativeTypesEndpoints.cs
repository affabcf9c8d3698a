using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceStack.Errors;
using ServiceStack.NativeTypes;
using ServiceStack.Routing;

namespace ServiceStack;

/// <summary>"Add ServiceStack Reference": the DTOs as code for clients, and as JSON metadata.</summary>
public static class NativeTypesEndpoints
{
    /// <summary>Maps <c>/types</c>, <c>/types/metadata</c>, <c>/types/typescript</c> and <c>/types/csharp</c>.</summary>
    public static IEndpointRouteBuilder MapNativeTypes(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        // Described on the first call, as the metadata page is rendered: the start serves no client code.
        var described = new Lazy<NativeTypesMetadata>(() => MetadataBuilder.Build(services.GetRequiredService<ServiceCatalog>()));
        var errors = services.GetRequiredService<ErrorResponder>();
        var json = services.GetRequiredService<ServiceStackLiteOptions>().Json;
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;

        endpoints.MapGet("/types", context => Serve(context, errors, () =>
            context.Response.WriteAsJsonAsync(Links(BaseUrlOf(context)), json, context.RequestAborted)));

        endpoints.MapGet("/types/metadata", context => Serve(context, errors, () =>
        {
            var metadata = described.Value;
            var options = new OptionReader(context.Request.Query);
            var config = new MetadataTypesConfig(BaseUrlOf(context), NullIfEmpty(options.Text("GlobalNamespace")),
                NullIfEmpty(options.List("IncludeTypes")), NullIfEmpty(options.List("ExcludeTypes")));
            var selected = metadata.Filter(TypeFilter.Create(metadata, config.IncludeTypes ?? [], config.ExcludeTypes ?? []));
            var body = new MetadataTypes(config, selected.Namespaces, selected.Types, selected.Operations);
            return context.Response.WriteAsJsonAsync(body, json, context.RequestAborted);
        }));

        endpoints.MapGet("/types/typescript", context => Serve(context, errors, () =>
        {
            var reader = new OptionReader(context.Request.Query);
            var options = TypeScriptOptions.Read(reader);
            return WriteCode(context, TypeScriptGenerator.Generate(described.Value, options, HeaderFor(context, reader, clock)));
        }));

        endpoints.MapGet("/types/csharp", context => Serve(context, errors, () =>
        {
            var reader = new OptionReader(context.Request.Query);
            var options = CSharpOptions.Read(reader);
            return WriteCode(context, CSharpGenerator.Generate(described.Value, options, HeaderFor(context, reader, clock)));
        }));
        return endpoints;
    }

    private static Dictionary<string, string> Links(string baseUrl) => new()
    {
        ["metadata"] = baseUrl + "/types/metadata",
        ["csharp"] = baseUrl + "/types/csharp",
        ["typescript"] = baseUrl + "/types/typescript",
    };

    private static async Task Serve(HttpContext context, ErrorResponder errors, Func<Task> respond)
    {
        try
        {
            await respond();
        }
        catch (Exception e)
        {
            await errors.WriteAsync(context, e);
        }
    }

    private static Task WriteCode(HttpContext context, string code)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(code, context.RequestAborted);
    }

    private static string? HeaderFor(HttpContext context, OptionReader options, TimeProvider clock) =>
        context.Request.Query.ContainsKey("WithoutOptions")
            ? null
            : OptionsHeader.Write(clock.GetLocalNow(), BaseUrlOf(context), options.Header);

    /// <summary>The BaseUrl option, else the address this request came to.</summary>
    private static string BaseUrlOf(HttpContext context) =>
        context.Request.Query["BaseUrl"].ToString() is { Length: > 0 } given
            ? given
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    private static string? NullIfEmpty(string text) => text.Length > 0 ? text : null;

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> list) => list.Count > 0 ? list : null;
}
