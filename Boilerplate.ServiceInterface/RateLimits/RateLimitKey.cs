using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Boilerplate.ServiceInterface.RateLimits;

public static class RateLimitKey
{
    /// <summary>
    /// One count per budget and client. An IPv6 client counts by its /64, the block one household or
    /// host is given, so it cannot take a fresh budget from each of its 2^64 addresses.
    /// </summary>
    public static string ForClient(string budget, string remoteIp) => $"{budget}|{ClientOf(remoteIp)}";

    /// <summary>One count per address, kept as a hash: the counts never hold anyone's address.</summary>
    public static string ForRecipient(string normalizedEmail) =>
        $"recipient|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)))}";

    public static string ClientOf(string remoteIp)
    {
        if (!IPAddress.TryParse(remoteIp, out var address))
            return remoteIp;
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
