using BitFaster.Caching.Lru;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// What this host has read of rows every host shares, each kept until a change to its row evicts
/// it: a write on this host at once, another host's through the change stream (<c>RevocationSync</c>)
/// within a second, and everything whenever that stream was lost and is back. Bounded: past its
/// capacity the least recently used go.
/// <para>
/// While the change stream is down (<see cref="Suspend"/>) nothing kept is current: each entry is
/// read again, and a kept one answers only if the database cannot be reached at all, when no
/// change can be written either (<see cref="ReadThroughAsync{TState}"/>).
/// </para>
/// </summary>
public class FollowedCache<TKey, TValue>(int capacity) where TKey : notnull where TValue : class
{
    /// <summary>Through an outage, how long a kept entry answers before the database is tried again.</summary>
    private const long AskAgainAfterMs = 1000;

    private readonly ConcurrentLru<TKey, TValue> entries = new(capacity);
    private long generation;
    private volatile bool current = true;
    private long databaseAwayUntil;

    /// <summary>Read before the table is: <see cref="Keep"/> refuses a row that a change since may have outdated.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public int Count => entries.Count;

    /// <summary>False from the loss of the change stream until it is back and everything kept is forgotten.</summary>
    public bool IsCurrent => current;

    public TValue? Find(TKey key) => entries.TryGet(key, out var value) ? value : null;

    /// <summary>
    /// The entry kept for <paramref name="key"/> while it is current, else <paramref name="read"/>'s
    /// answer, kept unless null (a key no row has is not kept: made-up keys would push real ones out).
    /// When the database cannot be reached, the entry as last read holds: no host can write a change
    /// meanwhile. <paramref name="state"/> reaches <paramref name="read"/> so that a static lambda
    /// needs no closure, and a hit allocates nothing.
    /// </summary>
    public ValueTask<TValue?> ReadThroughAsync<TState>(
        TKey key, TState state, Func<TState, TKey, CancellationToken, Task<TValue?>> read, CancellationToken cancel)
    {
        var kept = Find(key);
        return kept is not null && (current || Environment.TickCount64 < Interlocked.Read(ref databaseAwayUntil))
            ? ValueTask.FromResult<TValue?>(kept)
            : ReadAsync(key, kept, state, read, cancel);
    }

    private async ValueTask<TValue?> ReadAsync<TState>(
        TKey key, TValue? kept, TState state, Func<TState, TKey, CancellationToken, Task<TValue?>> read, CancellationToken cancel)
    {
        var generationBefore = Generation;
        TValue? value;
        try
        {
            value = await read(state, key, cancel);
        }
        catch (Exception e) when (kept is not null && DatabaseErrors.IsUnavailable(e))
        {
            // Not asked again for a moment, so an outage does not cost each request a failed connect.
            Interlocked.Exchange(ref databaseAwayUntil, Environment.TickCount64 + AskAgainAfterMs);
            return kept;
        }
        if (value is not null)
            Keep(key, value, generationBefore);
        return value;
    }

    public void Keep(TKey key, TValue value, long generationBefore)
    {
        if (Generation != generationBefore)
            return;
        entries.AddOrUpdate(key, value);
        // A change between the check above and the write would otherwise leave this entry behind.
        if (Generation != generationBefore)
            entries.TryRemove(key);
    }

    /// <summary>After a write of the row has committed, here or on another host.</summary>
    public void Evict(TKey key)
    {
        Interlocked.Increment(ref generation);
        entries.TryRemove(key);
    }

    /// <summary>After a change that touches every entry, here or on another host.</summary>
    public void EvictAll()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    /// <summary>The change stream is lost: changes made elsewhere may go unheard until it is back.</summary>
    public void Suspend() => current = false;

    /// <summary>When changes may have been missed: the change stream is back after it was down.</summary>
    public void Clear()
    {
        EvictAll();
        current = true;
    }
}
