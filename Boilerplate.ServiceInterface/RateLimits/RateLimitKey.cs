using ServiceStack.Web;

namespace Boilerplate.ServiceInterface.RateLimits;

public static class RateLimitKey
{
    /// <summary>One budget per operation and client address, whichever route the operation came by.</summary>
    public static string Of(IRequest request) => $"{request.OperationName.ToLowerInvariant()}|{request.RemoteIp}";
}
