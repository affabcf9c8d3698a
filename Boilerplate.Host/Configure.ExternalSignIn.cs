using Boilerplate.Host.Hosting;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.ExternalSignIn;
using Boilerplate.ServiceInterface.Mail;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host;

/// <summary>
/// One OpenID Connect handler per <c>Auth:External</c> provider, its callback at
/// <c>/auth/{name}/callback</c>, and <c>GET /auth/{name}</c> to begin (<see cref="ExternalSignInFlow"/>).
/// </summary>
public static class ConfigureExternalSignIn
{
    public static WebApplicationBuilder AddExternalSignIn(this WebApplicationBuilder builder)
    {
        var authentication = builder.Services.AddAuthentication();
        foreach (var provider in Providers(builder.Configuration))
        {
            authentication.AddOpenIdConnect(provider, _ => { });
            builder.Services.AddOptions<OpenIdConnectOptions>(provider)
                .Configure<IOptions<AuthSettings>, IOptions<AppSettings>, IHostEnvironment>((oidc, auth, app, environment) =>
                {
                    var settings = auth.Value.External[provider];
                    oidc.Authority = settings.Authority;
                    oidc.ClientId = settings.ClientId;
                    oidc.ClientSecret = settings.ClientSecret;
                    oidc.ResponseType = "code";
                    oidc.ResponseMode = "query";
                    oidc.UsePkce = true;
                    oidc.CallbackPath = $"/auth/{provider}/callback";
                    oidc.MapInboundClaims = false;
                    oidc.SaveTokens = false;
                    oidc.GetClaimsFromUserInfoEndpoint = false;
                    oidc.RequireHttpsMetadata = environment.IsProduction();
                    oidc.Scope.Clear();
                    foreach (var scope in new[] { "openid", "email", "profile" }.Concat(settings.Scopes).Distinct())
                        oidc.Scope.Add(scope);
                    oidc.DataProtectionProvider = new SecretDataProtector(auth, "external sign-in");
                    // The callback is a top-level GET from the provider: Lax cookies come with it, and plain
                    // http works on a development machine.
                    foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
                    {
                        cookie.SameSite = SameSiteMode.Lax;
                        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    }
                    oidc.Events = ExternalSignInFlow.Events(provider, app.Value.PublicUrl);
                });
        }
        return builder;
    }

    public static WebApplication UseExternalSignIn(this WebApplication app)
    {
        foreach (var provider in Providers(app.Configuration))
            app.MapGet($"/auth/{provider}", (HttpContext http, string? @continue, bool? link) => ExternalSignInFlow.StartAsync(http, provider, @continue, link))
                .ExcludeFromDescription();
        return app;
    }

    private static IEnumerable<string> Providers(IConfiguration configuration) =>
        configuration.GetSection($"{AuthSettings.Section}:External").GetChildren().Select(section => section.Key);
}
