using Boilerplate.ServiceInterface.SigningKeys;
using Boilerplate.ServiceInterface.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Host;

/// <summary>
/// ASP.NET Core's JWT bearer handler as the default scheme. Each of its events asks
/// <see cref="TokenAcceptance"/> one thing: what token the request carries, whether a valid one
/// still holds, and what to tell the client of one that failed. Each token is validated once
/// (<see cref="RememberedTokens"/>).
/// </summary>
public static class ConfigureAuth
{
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtTokens, SigningKeyRing, TokenAcceptance, TimeProvider>((jwt, tokens, keys, acceptance, clock) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new RememberedTokens(new JsonWebTokenHandler { MapInboundClaims = false }, keys, clock));
                jwt.TokenValidationParameters = tokens.ValidationParameters();
                jwt.Events = Events(acceptance);
            });
        return builder;
    }

    private static JwtBearerEvents Events(TokenAcceptance acceptance) => new()
    {
        OnMessageReceived = context =>
        {
            var request = context.Request;
            (context.Token, var refused) = TokenAcceptance.Read(request.Headers.Authorization, request.Cookies[TokenCookies.AccessToken],
                request.Method, request.ContentType, request.Headers[TokenAcceptance.RequestedWithHeader]);
            if (refused is not null)
                context.Fail(refused);
            return Task.CompletedTask;
        },
        OnTokenValidated = async context =>
        {
            if (await acceptance.CheckAsync(context.Principal!, context.HttpContext.RequestAborted) is { } refused)
                context.Fail(refused);
        },
        OnAuthenticationFailed = context =>
        {
            // Left unfailed, the handler throws the exception on, to the error mapping (a 503).
            if (!TokenAcceptance.CouldNotJudge(context.Exception))
                context.Fail(TokenAcceptance.Explain(context.Exception));
            return Task.CompletedTask;
        },
    };
}
