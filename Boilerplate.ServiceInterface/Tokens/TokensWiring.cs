using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>Issuing access tokens, accepting them, and handing a new session's tokens to the client.</summary>
public static class TokensWiring
{
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddSingleton<JwtTokens>();
        services.AddSingleton<TokenAcceptance>();
        services.AddSingleton<TokenDelivery>();
        return services;
    }
}
