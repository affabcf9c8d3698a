using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>
/// Where people reach the service: mail links lead to its account pages, and passkeys belong to
/// its host. <c>App:PublicUrl</c>, or where that may be unset (outside production) the address the
/// server itself listens on. Never a request's Host header: the client writes that, and a reset
/// link to the host an attacker names would hand them the token.
/// </summary>
public sealed class PublicAddress(IOptions<AppSettings> app, IListeningAddresses server)
{
    public string Url => app.Value.PublicUrl is { Length: > 0 } url ? url.TrimEnd('/') : Listening();

    private string Listening()
    {
        var addresses = server.Addresses;
        var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("App:PublicUrl is not set and the server listens on no address to link to.");
        var uri = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        // A wildcard address is every interface; this machine's own name for it is the one a local browser uses.
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}

/// <summary>The addresses the server listens on, as it was told them (<c>--urls</c>, <c>ASPNETCORE_URLS</c>); provided by the host.</summary>
public interface IListeningAddresses
{
    IReadOnlyCollection<string> Addresses { get; }
}
