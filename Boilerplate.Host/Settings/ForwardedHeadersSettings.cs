using System.Net;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host.Settings;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the proxies whose X-Forwarded-For and X-Forwarded-Proto
/// are believed. None by default, so a client cannot pick its own address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public List<string> KnownProxies { get; set; } = [];

    public IEnumerable<IPAddress> ProxyAddresses => KnownProxies.Select(IPAddress.Parse);
}

public sealed class ForwardedHeadersSettingsValidation : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings settings)
    {
        var problems = settings.KnownProxies
            .Select((proxy, index) => (proxy, index))
            .Where(p => !IPAddress.TryParse(p.proxy, out _))
            .Select(p => $"ForwardedHeaders:KnownProxies:{p.index} must be an IP address, not '{p.proxy}'.")
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
