using System.Globalization;
using System.Security.Claims;
using BitFaster.Caching.Lru;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.RateLimits;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.ApiKeys;

/// <summary>
/// Whether a request's API key lets it in, and as whom: the key's user, holding only those of the
/// key's scopes the user holds now, and no role, so even an admin's key reaches no further than its
/// scopes. The key and its user are judged as every host reads them (<see cref="ApiKeyStates"/>,
/// <see cref="UserStates"/>): a key cancelled or expired, or whose user is locked or gone, is refused.
/// Failures count per client (<see cref="RateLimitSettings.FailedApiKey"/>); past the budget the
/// client's keys are not even looked up until its window is over.
/// </summary>
public sealed class ApiKeyAcceptance(
    ApiKeyStates keys, UserStates users, ApiKeyUsage usage, IRateLimitCounter failures, IOptions<RateLimitSettings> limits, TimeProvider clock)
{
    /// <summary>The claim naming the key a caller came with; ServiceStack calls such a session's provider "apikey".</summary>
    public const string KeyIdClaim = "apikey";

    /// <summary>Clients refused for now, and until when: so a client past its budget costs no lookup.</summary>
    private readonly FastConcurrentLru<string, DateTime> refusedUntil = new(10_000);

    public async Task<(ClaimsPrincipal? Caller, Exception? Refusal)> AcceptAsync(string sentKey, string clientIp, CancellationToken cancel = default)
    {
        var client = RateLimitKey.ClientOf(clientIp);
        var now = clock.GetUtcNow().UtcDateTime;
        if (refusedUntil.TryGet(client, out var until) && now < until)
            return (null, TooMany(until - now));

        var key = ApiKeySecrets.IsShaped(sentKey) ? await keys.FindAsync(ApiKeySecrets.Hash(sentKey), cancel) : null;
        if (key is null)
            return (null, await FailedAsync(client, AuthMessages.InvalidApiKey, cancel));
        if (key.ExpiresOn is { } expiry && now.Ticks >= expiry.Ticks)
            return (null, await FailedAsync(client, AuthMessages.ExpiredApiKey, cancel));
        var user = await users.FindAsync(key.UserPublicId, cancel);
        if (!user.Exists)
            return (null, await FailedAsync(client, AuthMessages.InvalidApiKey, cancel));
        if (user.Locked)
            return (null, await FailedAsync(client, AuthMessages.ApiKeyAccountLocked, cancel));

        usage.Note(key);
        return (Caller(key, user), null);
    }

    private static ClaimsPrincipal Caller(CachedApiKey key, CachedUser user)
    {
        var identity = new ClaimsIdentity(AuthenticateService.ApiKeyProvider, TokenClaims.Name, TokenClaims.Roles);
        identity.AddClaim(new Claim(TokenClaims.Subject, user.PublicId));
        identity.AddClaim(new Claim(KeyIdClaim, key.Id));
        if (user.Shown is { } shown)
        {
            identity.AddClaim(new Claim(TokenClaims.PreferredUsername, shown.Username));
            identity.AddClaim(new Claim(TokenClaims.Email, shown.Email));
        }
        foreach (var scope in key.Scopes)
        {
            if (user.Permissions.Contains(scope))
                identity.AddClaim(new Claim(TokenClaims.Permissions, scope));
        }
        return new ClaimsPrincipal(identity);
    }

    private async Task<Exception> FailedAsync(string client, string message, CancellationToken cancel)
    {
        if (await failures.TryCountAsync(RateLimitKey.ForClient(nameof(RateLimitSettings.FailedApiKey), client), limits.Value.FailedApiKey, cancel) is not { } wait)
            return new TokenException(message);
        refusedUntil.AddOrUpdate(client, clock.GetUtcNow().UtcDateTime + wait);
        return TooMany(wait);
    }

    private static HttpError TooMany(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return new HttpError(429, "TooManyRequests", AuthMessages.TooManyApiKeyFailures(seconds))
        {
            Headers = { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) },
        };
    }
}
