using Boilerplate.ServiceInterface.Data;

namespace Boilerplate.ServiceInterface.ApiKeys;

/// <summary>
/// An API key as a request is judged by it: whose it is, its scopes and expiry, and when this host
/// last noted it used (<see cref="ApiKeyUsage"/>). Its user's state is judged apart, as every
/// token's is, so a lock or deletion counts for the key at once.
/// </summary>
public sealed class CachedApiKey(string id, string userPublicId, IReadOnlyList<string> scopes, DateTime? expiresOn)
{
    public string Id => id;
    public string UserPublicId => userPublicId;
    public IReadOnlyList<string> Scopes => scopes;
    public DateTime? ExpiresOn => expiresOn;

    /// <summary>Ticks of the last use this host handed to <see cref="ApiKeyUsage"/>; 0 before.</summary>
    internal long LastNotedTicks;
}

/// <summary>The API keys this host has judged requests by, by key hash: kept until a change to the key evicts it.</summary>
public sealed class ApiKeyCache() : FollowedCache<string, CachedApiKey>(Capacity)
{
    public const int Capacity = 20_000;
}
