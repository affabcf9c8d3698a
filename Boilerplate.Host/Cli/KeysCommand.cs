using System.Globalization;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.SigningKeys;

namespace Boilerplate.Host.Cli;

/// <summary><c>keys list|rotate|revoke</c>: the signing keys, as admins manage them over the API.</summary>
public sealed class KeysCommand(IServiceProvider services, TextWriter output)
{

    public async Task ListAsync()
    {
        var keys = await WithStoreAsync(store => store.ListAsync());
        await output.WriteLineAsync($"{"kid",-44} {"algorithm",-9} {"state",-9} {"activates",-20} revoked");
        foreach (var (key, state) in keys)
            await output.WriteLineAsync($"{key.Kid,-44} {key.Algorithm,-9} {state.ToString().ToLowerInvariant(),-9} {Time(key.ActivatesOn),-20} {(key.RevokedOn is { } revoked ? Time(revoked) : "")}".TrimEnd());
    }

    /// <exception cref="CommandException">Tokens are signed under HS256.</exception>
    public async Task RotateAsync(bool activateNow)
    {
        try
        {
            var key = await WithStoreAsync(store => store.RotateAsync(activateNow, actorId: null, AuditLog.LocalClient));
            await output.WriteLineAsync($"made {key.Algorithm} key {key.Kid}, published now, signing from {Time(key.ActivatesOn)}");
        }
        catch (SigningKeysNotUsedException e)
        {
            throw new CommandException(e.Message);
        }
    }

    /// <exception cref="CommandException">No key has that id.</exception>
    public async Task RevokeAsync(string kid)
    {
        _ = await WithStoreAsync(store => store.RevokeAsync(kid, actorId: null, AuditLog.LocalClient))
            ?? throw new CommandException($"no signing key has the kid '{kid}'; keys list shows them.");
        await output.WriteLineAsync($"revoked key {kid}: every host refuses its tokens within a second");
    }

    private async Task<T> WithStoreAsync<T>(Func<SigningKeyStore, Task<T>> act)
    {
        services.GetRequiredService<DatabaseStartup>().EnsureCurrent();
        using var scope = services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<SigningKeyStore>());
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
