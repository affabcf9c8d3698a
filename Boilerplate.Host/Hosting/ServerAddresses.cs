using Boilerplate.ServiceInterface.Mail;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Boilerplate.Host.Hosting;

/// <summary>Kestrel's own list of where it listens, known once it has started.</summary>
public sealed class ServerAddresses(IServer server) : IListeningAddresses
{
    public IReadOnlyCollection<string> Addresses => server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
