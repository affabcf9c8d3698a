using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Boilerplate.ServiceModel;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using ServiceStack;
using ServiceStack.Errors;
using ServiceStack.Routing;

namespace Boilerplate.Host;

/// <summary>
/// Rate limits on what a guesser or a spammer would hammer — sign-in, registration and refresh —
/// per client address and operation, whichever route the operation is called by. A client's
/// address comes from X-Forwarded-For only when the request came through a proxy listed in
/// <c>ForwardedHeaders:KnownProxies</c>; otherwise it is the connection's own.
/// </summary>
public static class ConfigureRateLimits
{
    /// <summary>The rate-limited operations; none of them may be batched, or one request would carry many tries.</summary>
    public static readonly HashSet<string> Limited = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(Login), nameof(Authenticate), nameof(CreateUser), nameof(GetAccessToken),
    };

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("RateLimits:PermitLimit", 10);
        var window = builder.Configuration.GetValue("RateLimits:Window", TimeSpan.FromMinutes(1));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RequestOperation.NameOf(context) is { } operation && Limited.Contains(operation)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{operation.ToLowerInvariant()}|{context.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = RejectAsync;
        });

        var proxies = builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only the proxies the operator names.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return builder;
    }

    /// <summary>Runs first, so every later step sees the client's real address.</summary>
    public static WebApplication UseForwardedClientAddress(this WebApplication app)
    {
        if (app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() is { Length: > 0 })
            app.UseForwardedHeaders();
        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancel)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<ErrorResponder>()
            .WriteAsync(context, new HttpError(429, "TooManyRequests", $"Too many requests: try again in {seconds} seconds."));
    }
}
