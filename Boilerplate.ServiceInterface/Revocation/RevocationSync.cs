using System.Globalization;
using Boilerplate.ServiceInterface.ApiKeys;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Data.Migrations;
using Boilerplate.ServiceInterface.Metrics;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceInterface.SigningKeys;
using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Boilerplate.ServiceInterface.Revocation;

/// <summary>
/// Keeps what this host holds in memory in step with the database: the revocations
/// (<see cref="RevokedTokens"/>, <see cref="EndedSessions"/>) and the users it has read
/// (<see cref="UserCache"/>: locked, roles and permissions, security stamp, gone), the API keys in use
/// (<see cref="ApiKeyCache"/>), the roles'
/// permissions (<see cref="RoleCatalog"/>) and the signing keys (<see cref="SigningKeyRing"/>), so a token revoked, a user changed or a key rotated or revoked on
/// one host counts on all of them while no request pays a database round trip to check.
/// <para>
/// On PostgreSQL the tables' triggers (<see cref="M006_NotifyRevocations"/>, <see cref="M013_NotifyUserChanges"/>)
/// announce each change as it commits, and this host LISTENs on a connection of its own: the news
/// arrives in milliseconds. From the moment that connection is lost, the users it had read are
/// read again (<see cref="UserCache.Suspend"/>); whenever it is made (at start, and again after
/// it was lost) the revocations are read in full and the users it had read are forgotten, after
/// LISTEN, so nothing committed while it was down is missed. SQLite has one host, which already
/// knows its own changes, except the command line's to the signing keys: it reads those twice a second.
/// </para>
/// </summary>
public sealed partial class RevocationSync(
    DatabaseTarget database, RevokedTokens revoked, EndedSessions endedSessions, UserCache users, ApiKeyCache apiKeys, SigningKeyRing keys,
    IServiceScopeFactory scopes, AppMetrics metrics, TimeProvider clock, ILogger<RevocationSync> log)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMilliseconds(500);

    private NpgsqlConnection? listener;
    private bool started;

    /// <summary>
    /// Starts listening (PostgreSQL), then loads every revocation already made; once. The command
    /// line calls it before the host starts, so a database out of reach is one line, not a host fault.
    /// </summary>
    public async Task StartAsync(CancellationToken cancel)
    {
        if (started)
            return;
        await ConnectAsync(cancel);
        started = true;
    }

    private async Task ConnectAsync(CancellationToken cancel)
    {
        if (database.IsPostgreSql)
            listener = await ListenAsync(cancel);
        await LoadAsync(cancel);
    }

    /// <summary>Applies notifications until stopped, reconnecting (and reloading) whenever the connection drops.</summary>
    public async Task FollowAsync(CancellationToken stop)
    {
        if (!database.IsPostgreSql)
        {
            await ReadKeysOftenAsync(stop);
            return;
        }
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (listener is null)
                {
                    await ConnectAsync(stop);
                    LogReconnected();
                    retry = FirstRetry;
                }
                while (true)
                    await listener!.WaitAsync(stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                if (listener is not null)
                {
                    LogLost(e);
                    users.Suspend();
                    apiKeys.Suspend();
                }
                await DropListenerAsync();
                await Task.Delay(retry, stop);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
        await DropListenerAsync();
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancel)
    {
        // A connection of its own, out of the pool; keepalives notice a server that went away quietly.
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 5 };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancel);
            connection.Notification += (_, e) => Apply(e.Payload);
            await using var command = new NpgsqlCommand($"LISTEN {M006_NotifyRevocations.Channel}", connection);
            await command.ExecuteNonQueryAsync(cancel);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        using var scope = scopes.CreateScope();
        await revoked.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), cancel);
        await endedSessions.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), cancel);
        await scope.ServiceProvider.GetRequiredService<SigningKeyStore>().LoadAsync(cancel);
        await scope.ServiceProvider.GetRequiredService<RoleStore>().LoadAsync(cancel);
        users.Clear();
        apiKeys.Clear();
        LogLoaded(revoked.Count);
    }

    private async Task ReadKeysAsync(CancellationToken cancel)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SigningKeyStore>().LoadAsync(cancel);
        }
        catch (Exception e) when (!cancel.IsCancellationRequested)
        {
            LogKeysNotRead(e);
        }
    }

    private async Task ReadRolesAsync()
    {
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RoleStore>().LoadAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The feed's next reconnection reads them again; a lost feed is what a database away looks like.
            LogRolesNotRead(e);
        }
    }

    private async Task ReadKeysOftenAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                await ReadKeysAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// Payloads, as the triggers write them: "token &lt;jti&gt; &lt;expiry, Unix seconds&gt;",
    /// "session &lt;id&gt; &lt;ended, Unix seconds&gt;" (migration 10), "user &lt;public_id&gt;"
    /// (migration 13; "stamp &lt;public_id&gt; &lt;n&gt;" and "deleted &lt;public_id&gt;" before it),
    /// "signing-key &lt;kid&gt; &lt;revoked or deleted, 0 or 1&gt;" (migration 15), "roles &lt;name&gt;" (migration 16), "apikey &lt;key_hash&gt;" (migration 18),
    /// each followed by the Unix time it was written (migration 7).
    /// Fields after the known ones are ignored, so a later field never stops an older host from
    /// applying the revocation.
    /// </summary>
    private void Apply(string payload)
    {
        var parts = payload.Split(' ');
        switch (parts)
        {
            case ["token", var jti, var expiry, .. var rest] when Guid.TryParseExact(jti, "N", out var id) && long.TryParse(expiry, CultureInfo.InvariantCulture, out var seconds):
                revoked.Remember(id, DateTime.UnixEpoch.AddSeconds(seconds));
                Arrived(rest);
                break;
            case ["user", var publicId, .. var rest]:
                users.Evict(publicId);
                Arrived(rest);
                break;
            case ["stamp", var publicId, _, .. var rest]:
                users.Evict(publicId);
                Arrived(rest);
                break;
            case ["session", var sessionId, var endedOn, .. var rest] when long.TryParse(endedOn, CultureInfo.InvariantCulture, out var seconds):
                endedSessions.Remember(sessionId, DateTime.UnixEpoch.AddSeconds(seconds));
                Arrived(rest);
                break;
            case ["signing-key", var kid, var gone, .. var rest]:
                // A revoked key is refused before the table is read again.
                if (gone == "1")
                    keys.Forget(kid);
                _ = ReadKeysAsync(CancellationToken.None);
                Arrived(rest);
                break;
            case ["apikey", var keyHash, .. var rest]:
                apiKeys.Evict(keyHash);
                Arrived(rest);
                break;
            case ["roles", _, .. var rest]:
                _ = ReadRolesAsync();
                Arrived(rest);
                break;
            case ["deleted", var publicId, .. var rest]:
                users.Evict(publicId);
                Arrived(rest);
                break;
            default:
                LogUnreadable(payload);
                break;
        }
    }

    private void Arrived(string[] rest)
    {
        if (rest is [var written, ..] && double.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out var at))
            metrics.RevocationArrived(clock.GetUtcNow() - DateTimeOffset.UnixEpoch.AddSeconds(at));
    }

    private async Task DropListenerAsync()
    {
        if (listener is null)
            return;
        await listener.DisposeAsync();
        listener = null;
    }

    [LoggerMessage(LogLevel.Information, "Loaded {Count} revoked tokens")]
    private partial void LogLoaded(int count);

    [LoggerMessage(LogLevel.Warning, "Lost the revocation feed from the database; reconnecting")]
    private partial void LogLost(Exception error);

    [LoggerMessage(LogLevel.Information, "Revocation feed reconnected and revocations reloaded")]
    private partial void LogReconnected();

    [LoggerMessage(LogLevel.Warning, "Could not read the signing keys; the ones already read stay in use")]
    private partial void LogKeysNotRead(Exception error);

    [LoggerMessage(LogLevel.Warning, "Could not read the roles after one changed; the ones already read stay in use")]
    private partial void LogRolesNotRead(Exception error);

    [LoggerMessage(LogLevel.Warning, "Ignored an unreadable revocation notice: {Payload}")]
    private partial void LogUnreadable(string payload);
}
