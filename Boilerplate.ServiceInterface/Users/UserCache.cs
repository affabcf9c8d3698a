using System.Collections.Concurrent;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>
/// Users as GET /user/me and GET /user/{public_id} show them, kept for <see cref="Lifetime"/> so
/// those reads need no database round trip. A write on this host that changes what a User shows
/// (email, verified, admin, locked, second factor, deletion) evicts the entry once it is written,
/// so this host shows it at once; another host's entry simply expires, so every host shows it
/// within the lifetime. Decisions that need the row (passwords, codes, locks at sign-in) never
/// read from here. Bounded: at <see cref="Capacity"/> entries the expired ones go, then all.
/// </summary>
public sealed class UserCache(TimeProvider clock)
{
    /// <summary>Well inside the second within which every host must show a change.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMilliseconds(500);

    public const int Capacity = 10_000;

    private sealed record Entry(long Id, User User, DateTimeOffset KeptAt);

    private readonly ConcurrentDictionary<string, Entry> entries = new();
    private readonly ConcurrentDictionary<long, string> publicIds = new();
    private long evictions;

    /// <summary>Read before the database is: <see cref="Keep"/> refuses a row an eviction since may have outdated.</summary>
    public long Evictions => Interlocked.Read(ref evictions);

    public User? Find(string publicId)
    {
        if (!entries.TryGetValue(publicId, out var entry))
            return null;
        if (clock.GetUtcNow() - entry.KeptAt < Lifetime)
            return entry.User;
        entries.TryRemove(new KeyValuePair<string, Entry>(publicId, entry));
        return null;
    }

    public void Keep(long id, User user, long evictionsBefore)
    {
        if (Evictions != evictionsBefore)
            return;
        if (entries.Count >= Capacity || publicIds.Count >= Capacity)
            Trim();
        var entry = new Entry(id, user, clock.GetUtcNow());
        entries[user.PublicId] = entry;
        publicIds[id] = user.PublicId;
        // An eviction between the check above and the write would otherwise miss this entry.
        if (Evictions != evictionsBefore)
            entries.TryRemove(new KeyValuePair<string, Entry>(user.PublicId, entry));
    }

    /// <summary>After a write of what a User shows has committed.</summary>
    public void Evict(long id)
    {
        Interlocked.Increment(ref evictions);
        if (publicIds.TryRemove(id, out var publicId))
            entries.TryRemove(publicId, out _);
    }

    private void Trim()
    {
        foreach (var (publicId, entry) in entries)
        {
            if (clock.GetUtcNow() - entry.KeptAt >= Lifetime)
                entries.TryRemove(new KeyValuePair<string, Entry>(publicId, entry));
        }
        // Entries that expired on a read leave their id behind.
        foreach (var (id, publicId) in publicIds)
        {
            if (!entries.ContainsKey(publicId))
                publicIds.TryRemove(new KeyValuePair<long, string>(id, publicId));
        }
        if (entries.Count >= Capacity)
        {
            entries.Clear();
            publicIds.Clear();
        }
    }
}
