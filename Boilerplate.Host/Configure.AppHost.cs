using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel.Types;
using FluentValidation;
using ServiceStack;

namespace Boilerplate.Host;

public static class ConfigureAppHost
{
    private const int MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddAppHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<UserAccounts>();
        services.AddScoped<Sessions>();
        services.AddScoped<SignIns>();
        services.AddValidatorsFromAssemblyContaining<CreateUserValidator>(ServiceLifetime.Singleton);
        services.AddServiceStackLite(options =>
        {
            options.ServiceAssemblies.Add(typeof(UserServices).Assembly);
            options.MaxRequestBodyBytes = MaxRequestBodyBytes;
            options.AllowBatch = operation => !ConfigureRateLimits.Limited.Contains(operation.Name);
            options.NotAuthenticatedMessage = AuthMessages.MissingToken;
            options.InvalidTokenMessage = AuthMessages.InvalidToken;
            options.MissingRoleMessage = _ => AuthMessages.AdminRequired;
            options.MapException = DatabaseErrors.ToHttpError;
            // The seed's {"status":"fail","message":…} with ServiceStack's responseStatus beside it.
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
            return next(context);
        });
        app.UseServiceStackLiteErrors();
        app.UseCors();
        app.MapServiceStackLite();
        app.MapNativeTypes();
        return app;
    }
}
