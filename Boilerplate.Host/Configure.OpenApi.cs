using Boilerplate.ServiceModel;
using ServiceStack;

namespace Boilerplate.Host;

/// <summary>
/// The API described for people and tools: the OpenAPI document at /openapi/v1.json, the
/// explorer at /swagger-ui/ (and /), and the /metadata index. Summaries come from the DTOs' doc
/// comments and rules from their validators; only what a service decides itself is said here.
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
            // The seed's two namespaces; new auth operations live under /auth and /access-token.
            openApi.Tag("user", "user related operations", "/user");
            openApi.Tag("auth", "authentication related operations", "/auth", "/access-token");
            openApi.For<CreateUser>()
                .Succeeds(201, "Registered and signed in: the token is under Authorization.")
                .Fails(409, "The email or the username is already taken.");
            openApi.For<GetUser>().Fails(404, "User not found (also someone else's record, unless the caller is an admin).");
            openApi.For<Login>().Fails(401, "The email or password does not match, or the account is locked.");
            openApi.For<Authenticate>()
                .Fails(401, "The credentials do not match, the account is locked, or (with no provider) no one is signed in.")
                .Fails(404, "No such auth provider: use 'credentials'.");
            openApi.For<GetAccessToken>().Fails(401, "The refresh token is unknown, expired, revoked or was used before (the session then ends).");
            openApi.For<DeleteCurrentUser>().Fails(409, "The caller is the last admin.");
            openApi.For<SetUserAdmin>().Fails(404, "User not found.").Fails(409, "Removing the last admin.");
            openApi.For<LockUser>().Fails(404, "User not found.").Fails(409, "Locking the last admin.");
            openApi.For<UnlockUser>().Fails(404, "User not found.");
            openApi.For<DeleteUser>().Fails(404, "User not found.").Fails(409, "Deleting the last admin.");
            // Sign-in, registration and refresh are rate limited; the first two also wait for bcrypt.
            const string TooMany = "Too many requests from this client: wait for Retry-After.";
            const string Busy = "Every bcrypt worker is busy: try again after Retry-After.";
            openApi.For<CreateUser>().Fails(429, TooMany).Fails(503, Busy);
            openApi.For<Login>().Fails(429, TooMany).Fails(503, Busy);
            openApi.For<Authenticate>().Fails(429, TooMany).Fails(503, Busy);
            openApi.For<GetAccessToken>().Fails(429, TooMany);
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
