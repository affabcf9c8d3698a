using Boilerplate.ServiceInterface.ApiKeys;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Errors;
using Boilerplate.ServiceInterface.Tokens;
using Microsoft.Net.Http.Headers;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.ServiceModel.Types;
using FluentValidation;
using ServiceStack;

namespace Boilerplate.Host;

/// <summary>
/// The ServiceStack-style message layer: every service in ServiceInterface at its DTOs' routes,
/// their validators, the one error shape (the seed's envelope with ServiceStack's responseStatus),
/// and the one table from the app's exceptions to statuses.
/// </summary>
public static class ConfigureAppHost
{
    private const int MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddAppHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddValidatorsFromAssemblyContaining<SignInServices>(ServiceLifetime.Singleton);
        services.AddServiceStackLite(options =>
        {
            options.ServiceAssemblies.Add(typeof(SignInServices).Assembly);
            options.MaxRequestBodyBytes = MaxRequestBodyBytes;
            options.NotAuthenticatedMessage = AuthMessages.MissingToken;
            options.InvalidTokenMessage = AuthMessages.InvalidToken;
            options.MissingRoleMessage = _ => AuthMessages.AdminRequired;
            options.MissingPermissionMessage = (caller, permission) => caller.HasClaim(c => c.Type == ApiKeyAcceptance.KeyIdClaim)
                ? AuthMessages.ScopeRequired(permission)
                : AuthMessages.PermissionRequired(permission);
            options.MapException = AppErrors.ToHttpError;
            options.GlobalRequestFiltersAsync.Add(TokenDelivery.RefuseForgeableCookieSignIn);
            options.GlobalRequestFiltersAsync.Add(ApiKeyReach.RefuseBeyondReach);
            options.CreateErrorBody = status => new StatusResponse
            {
                Status = StatusResponse.Fail,
                Message = status.Message,
                ResponseStatus = status,
            };
        });

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        return builder;
    }

    public static WebApplication UseAppHost(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            // What an answer carries (a token, a secret, a user's record) is no cache's to keep
            // (RFC 6749, 5.1); what may be kept says so itself (the account pages' files).
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey(HeaderNames.CacheControl))
                    context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseServiceStackLiteErrors();
        app.UseCrossOriginCors();
        // Here, inside the error bodies, not first as WebApplication would add it: a token that
        // could not be judged (the database is down) throws on to them, a 503.
        app.UseAuthentication();
        app.MapServiceStackLite();
        app.MapNativeTypes();
        return app;
    }
}
