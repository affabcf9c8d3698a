using System.Net;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host.Settings;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the proxies whose X-Forwarded-For and X-Forwarded-Proto
/// are believed, by address or by network (a container network whose addresses change). None by
/// default, so a client cannot pick its own address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR form, e.g. <c>172.28.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> ProxyAddresses => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> Networks => KnownNetworks.Select(n => IPNetwork.Parse(n));
}

public sealed class ForwardedHeadersSettingsValidation : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings settings)
    {
        var problems = settings.KnownProxies
            .Select((proxy, index) => (proxy, index))
            .Where(p => !IPAddress.TryParse(p.proxy, out _))
            .Select(p => $"ForwardedHeaders:KnownProxies:{p.index} must be an IP address, not '{p.proxy}'.")
            .Concat(settings.KnownNetworks
                .Select((network, index) => (network, index))
                .Where(n => !IPNetwork.TryParse(n.network, out _))
                .Select(n => $"ForwardedHeaders:KnownNetworks:{n.index} must be a network such as 10.0.0.0/8, not '{n.network}'."))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
