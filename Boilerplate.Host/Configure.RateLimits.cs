using Boilerplate.ServiceInterface.RateLimits;
using ServiceStackLite;

namespace Boilerplate.Host;

/// <summary>The budget of the <c>[RateLimited]</c> operations (sign-in, registration, refresh): per client address, in this host's memory.</summary>
public static class ConfigureRateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IRequestRateLimiter, ClientRateLimiter>();
        return builder;
    }
}
