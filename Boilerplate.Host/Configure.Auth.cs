using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Host;

/// <summary>
/// Passwords, sessions and tokens, and ASP.NET Core's JWT bearer handler as the default scheme,
/// asking <see cref="TokenAcceptance"/> where a token is read from and whether it still holds,
/// and validating each token once (<see cref="RememberedTokens"/>).
/// </summary>
public static class ConfigureAuth
{
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<JwtTokens>();
        services.AddSingleton<RevokedTokens>();
        services.AddSingleton<SecurityStamps>();
        services.AddSingleton<EndedSessions>();
        services.AddSingleton<TokenAcceptance>();
        services.AddSingleton<TokenDelivery>();
        services.AddSingleton<RevocationSync>();
        services.AddHostedService<RevokedTokenMaintenance>();
        services.AddScoped<Sessions>();
        services.AddScoped<SignIns>();
        services.AddScoped<Registrations>();
        services.AddScoped<SignOutEverywhere>();
        services.AddScoped<EmailTokens>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<MfaChallenges>();
        services.AddSingleton<MailTokenProtector>();
        services.AddSingleton<TotpSecretProtector>();
        services.AddScoped<IUserSessions>(sp => sp.GetRequiredService<SignOutEverywhere>());

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthSettings>, TokenAcceptance, TimeProvider>((jwt, settings, acceptance, clock) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new RememberedTokens(new JsonWebTokenHandler { MapInboundClaims = false }, clock));
                jwt.TokenValidationParameters = JwtTokens.ValidationParameters(settings.Value);
                jwt.Events = Events(acceptance);
            });
        return builder;
    }

    private static JwtBearerEvents Events(TokenAcceptance acceptance) => new()
    {
        OnMessageReceived = context =>
        {
            var request = context.Request;
            context.Token = TokenAcceptance.Read(request.Headers.Authorization, request.Cookies[TokenCookies.AccessToken]);
            if (context.Token is { } token && TokenAcceptance.RefuseUnread(token) is { } refused)
                context.Fail(refused);
            else if (context.Token is not null && string.IsNullOrEmpty(request.Headers.Authorization)
                     && TokenAcceptance.IsForgeable(request.Method, request.ContentType, request.Headers[TokenAcceptance.RequestedWithHeader]))
                context.Fail(new ServiceStack.TokenException(AuthMessages.ForgeableCookieWrite));
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            if (acceptance.Refuse(context.Principal!) is { } refused)
                context.Fail(refused);
            return Task.CompletedTask;
        },
        OnAuthenticationFailed = context =>
        {
            context.Fail(TokenAcceptance.Explain(context.Exception));
            return Task.CompletedTask;
        },
    };
}
