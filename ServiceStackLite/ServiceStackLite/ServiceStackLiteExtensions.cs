using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceStack.Binding;
using ServiceStack.Errors;
using ServiceStack.Routing;
using ServiceStackLite;

namespace ServiceStack;

public static class ServiceStackLiteExtensions
{
    public static IServiceCollection AddServiceStackLite(this IServiceCollection services, Action<ServiceStackLiteOptions> configure)
    {
        var options = new ServiceStackLiteOptions();
        configure(options);
        services.AddSingleton(options);
        services.AddSingleton(new ServiceCatalog(options.ServiceAssemblies));
        services.AddSingleton<RequestBinder>();
        services.AddSingleton<ErrorResponder>();
        services.AddSingleton<ServiceDispatcher>();
        return services;
    }

    /// <summary>
    /// Gives errors raised outside a service, and routing's bodiless 404 and 405 answers, the
    /// same ResponseStatus body as every other error.
    /// </summary>
    public static IApplicationBuilder UseServiceStackLiteErrors(this IApplicationBuilder app)
    {
        var errors = app.ApplicationServices.GetRequiredService<ErrorResponder>();
        app.UseExceptionHandler(handler => handler.Run(context =>
            errors.WriteAsync(context, context.Features.Get<IExceptionHandlerFeature>()!.Error)));
        return app.UseStatusCodePages(context => errors.WriteRoutingErrorAsync(context.HttpContext));
    }

    private static readonly string[] PredefinedVerbs = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// Maps every route of every request DTO to the dispatcher, and the routes every DTO has:
    /// <c>/api/{Name}</c> (what the TypeScript client calls) and <c>/json/reply|oneway/{Name}</c>
    /// (the .NET clients' fallback). Without a message queue, oneway runs exactly like reply.
    /// </summary>
    public static IEndpointRouteBuilder MapServiceStackLite(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.ServiceProvider.GetRequiredService<ServiceCatalog>();
        var dispatcher = endpoints.ServiceProvider.GetRequiredService<ServiceDispatcher>();
        CheckRateLimits(catalog, endpoints.ServiceProvider.GetService<IRequestRateLimiter>());
        foreach (var operation in catalog.Operations)
        {
            foreach (var route in operation.Routes)
            {
                var pattern = RoutePattern.ToAspNetCore(route.Path);
                var builder = route.Verbs is null
                    ? endpoints.Map(pattern, context => dispatcher.HandleAsync(context, operation))
                    : endpoints.MapMethods(pattern, RoutePattern.Verbs(route.Verbs), context => dispatcher.HandleAsync(context, operation));
                builder.WithName($"{operation.Name} {route.Verbs} {route.Path}").WithMetadata(operation);
            }
        }

        RequestDelegate predefined = context => dispatcher.HandlePredefinedAsync(context, (string)context.Request.RouteValues[RequestOperation.RouteValue]!);
        endpoints.MapMethods($"/api/{{{RequestOperation.RouteValue}}}", PredefinedVerbs, predefined).ExcludeFromDescription();
        endpoints.MapMethods($"/json/reply/{{{RequestOperation.RouteValue}}}", PredefinedVerbs, predefined).ExcludeFromDescription();
        endpoints.MapMethods($"/json/oneway/{{{RequestOperation.RouteValue}}}", PredefinedVerbs, predefined).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>A limited operation without a limiter, or with a budget the limiter does not know, would fail every request: refuse to start instead.</summary>
    private static void CheckRateLimits(ServiceCatalog catalog, IRequestRateLimiter? limiter)
    {
        foreach (var operation in catalog.Operations.Where(o => o.RateLimited))
        {
            if (limiter is null)
                throw new InvalidOperationException($"{operation.Name} is [RateLimited], but no {nameof(IRequestRateLimiter)} is registered.");
            if (!limiter.HasBudget(operation.RateLimitBudget!))
                throw new InvalidOperationException($"{operation.Name} is [RateLimited(\"{operation.RateLimitBudget}\")], but the {nameof(IRequestRateLimiter)} has no such budget.");
        }
    }
}
