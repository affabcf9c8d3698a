using Boilerplate.ServiceInterface.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ServiceStack;

namespace Boilerplate.Host;

public static class ConfigureAuth
{
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<JwtTokens>();
        services.AddSingleton<RevokedTokens>();
        services.AddSingleton<SecurityStamps>();
        services.AddSingleton<RevocationSync>();
        services.AddSingleton<AuditLog>();
        services.AddHttpContextAccessor();
        services.AddHostedService<RevokedTokenMaintenance>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthSettings>, RevokedTokens, SecurityStamps>((jwt, settings, revoked, stamps) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = JwtTokens.ValidationParameters(settings.Value);
                jwt.Events = BearerEvents(revoked, stamps);
            });
        return builder;
    }

    private static JwtBearerEvents BearerEvents(RevokedTokens revoked, SecurityStamps stamps) => new()
    {
        OnMessageReceived = context =>
        {
            // The Authorization header first, then ServiceStack's ss-tok cookie (cookie mode).
            context.Token = BearerToken.From(context.Request.Headers.Authorization.ToString())
                ?? context.Request.Cookies[TokenCookies.AccessToken];
            // Our tokens are well under 1 KiB; a huge one is an attack on the parser, not a credential.
            if (context.Token?.Length > BearerToken.MaxLength)
                context.Fail(new TokenException(AuthMessages.InvalidToken));
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            var tokenId = context.Principal?.FindFirst(TokenClaims.TokenId)?.Value;
            if (!Guid.TryParseExact(tokenId, "N", out var id))
                context.Fail(new TokenException(AuthMessages.InvalidToken));
            else if (revoked.IsRevoked(id) || stamps.IsOutdated(context.Principal!))
                context.Fail(new TokenException(AuthMessages.RevokedToken));
            return Task.CompletedTask;
        },
        OnAuthenticationFailed = context =>
        {
            context.Fail(new TokenException(context.Exception is SecurityTokenExpiredException
                ? AuthMessages.ExpiredToken
                : AuthMessages.InvalidToken));
            return Task.CompletedTask;
        },
    };
}

public static class BearerToken
{
    public const int MaxLength = 8 * 1024;

    /// <summary>
    /// The token from an Authorization header: "Bearer &lt;jwt&gt;", or the bare "&lt;jwt&gt;" the
    /// seed's clients also send. Null when there is none.
    /// </summary>
    public static string? From(string header)
    {
        var value = header.Trim();
        if (value.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase))
            value = value["Bearer".Length..].Trim();
        return value.Length == 0 ? null : value;
    }
}
