using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStack.OpenApi;

namespace Boilerplate.Host;

/// <summary>
/// The API described for people and tools: the OpenAPI document at /openapi/v1.json, the explorer
/// at /swagger-ui/ (and /), and the /metadata index. Everything about an operation is read off its
/// DTO; only what holds for the whole API is said here.
/// </summary>
public static class ConfigureOpenApi
{
    private const string Title = "SsBoilerplate API";

    public static WebApplicationBuilder AddOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddServiceStackOpenApi(openApi =>
        {
            openApi.Title = Title;
            openApi.Version = "1.0";
            openApi.Description = "A user-and-auth web service in the ServiceStack style: registration, users, JWT login and logout.";
            // The seed's two namespaces, with its descriptions.
            openApi.Tags.Add(new OperationTag(Tags.User, "user related operations"));
            openApi.Tags.Add(new OperationTag(Tags.Auth, "authentication related operations"));
            openApi.Tags.Add(new OperationTag(Tags.Keys, "the keys that sign access tokens, for other services and for admins"));
            openApi.Tags.Add(new OperationTag(Tags.Roles, "roles, the permissions they grant, and who holds them"));
            openApi.Tags.Add(new OperationTag(Tags.ApiKeys, "API keys: how scripts call the API as their user, within the key's scopes"));
            openApi.Tags.Add(new OperationTag(Tags.Audit, "the stored audit trail"));
        });
        return builder;
    }

    public static WebApplication UseOpenApi(this WebApplication app)
    {
        app.MapServiceStackOpenApi(Title);
        app.MapMetadataPage(Title);
        return app;
    }
}
