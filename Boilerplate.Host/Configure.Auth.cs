using Boilerplate.Host.Hosting;
using Boilerplate.ServiceInterface.ApiKeys;
using Boilerplate.ServiceInterface.SigningKeys;
using Boilerplate.ServiceInterface.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Host;

/// <summary>
/// Two ways to call the API, chosen per request by what it carries: an API key (in X-Api-Key, or
/// as a bearer credential with the keys' prefix) goes to <see cref="ApiKeyAuthenticationHandler"/>,
/// anything else to ASP.NET Core's JWT bearer handler. Each of the latter's events asks
/// <see cref="TokenAcceptance"/> one thing: what token the request carries, whether a valid one
/// still holds, and what to tell the client of one that failed. Each token is validated once
/// (<see cref="RememberedTokens"/>).
/// </summary>
public static class ConfigureAuth
{
    private const string TokenOrApiKey = "TokenOrApiKey";

    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(TokenOrApiKey)
            .AddPolicyScheme(TokenOrApiKey, null, scheme => scheme.ForwardDefaultSelector = context =>
                ApiKeySecrets.Sent(context.Request.Headers.Authorization, context.Request.Headers[ApiKeySecrets.Header]) is null
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtTokens, SigningKeyRing, TokenAcceptance, TimeProvider>((jwt, tokens, keys, acceptance, clock) =>
            {
                jwt.MapInboundClaims = false;
                // Nothing reads the token back from the request's properties: keeping it there cost every request a dictionary.
                jwt.SaveToken = false;
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
