using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.ApiKeys;

/// <summary>
/// A user's API keys: making one (shown once, kept as a hash), listing and cancelling them, and
/// for holders of <c>users.manage</c>, anyone's. Every key made or cancelled is audited.
/// </summary>
public class ApiKeyServices(ApiKeyStore store, ApiKeyUsage usage, TimeProvider clock) : AppService
{
    public const int MaxKeysPerUser = 50;

    /// <summary>A key is a way in: it takes what adding a passkey takes, and gets no permission its maker lacks.</summary>
    public async Task<CreateApiKeyResponse> Post(CreateApiKey request)
    {
        var user = await CallerAsync();
        var scopes = (request.Scopes ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var caller = await GetSessionAsync();
        if (scopes.FirstOrDefault(scope => !caller.Permissions.Contains(scope)) is { } notHeld)
            throw HttpError.Validation("ScopeNotHeld", $"You do not hold {notHeld}: a key can be given only permissions you hold.", "scopes");
        await ConfirmNewWayInAsync(user, request.Password, request.Code);
        if (await store.CountAsync(user.Id, Cancel) >= MaxKeysPerUser)
            throw HttpError.Validation("TooManyApiKeys", $"An account holds at most {MaxKeysPerUser} API keys: cancel one first.", "name");

        var secret = ApiKeySecrets.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var key = new ApiKeyRecord
        {
            PublicId = Guid.NewGuid().ToString(),
            UserId = user.Id,
            Name = request.Name!.Trim(),
            KeyHash = ApiKeySecrets.Hash(secret),
            VisibleKey = ApiKeySecrets.Visible(secret),
            Scopes = GrantNames.Format(scopes),
            CreatedOn = now,
            ExpiresOn = request.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };
        await AuditedAsync(AuditEventNames.ApiKeyCreated, user.PublicId, async () =>
        {
            await store.InsertAsync(key, Cancel);
            await NotifyAsync(user, AccountMail.ApiKeyCreated);
        }, $"key={key.PublicId} scopes={key.Scopes}");
        Audit.ApiKeyCreated(user.PublicId, key.PublicId, key.Scopes, ClientIp);

        var shown = Describe(key);
        return new CreateApiKeyResponse
        {
            Key = secret, Id = shown.Id, Name = shown.Name, VisibleKey = shown.VisibleKey, Scopes = shown.Scopes,
            CreatedDate = shown.CreatedDate, ExpiryDate = shown.ExpiryDate,
        };
    }

    public async Task<GetApiKeysResponse> Get(GetApiKeys request) => await ListAsync(await CallerAsync());

    public async Task Delete(DeleteApiKey request)
    {
        var user = await CallerAsync();
        await CancelAsync(user, await store.FindAsync(user.Id, request.Id, Cancel) ?? throw HttpError.NotFound("You have no such API key."));
    }

    public async Task<GetApiKeysResponse> Get(GetUserApiKeys request) => await ListAsync(await UserAsync(request.PublicId));

    public async Task Delete(DeleteUserApiKey request)
    {
        var user = await ManagedUserAsync(request.PublicId);
        await CancelAsync(user, await store.FindAsync(user.Id, request.Id, Cancel) ?? throw HttpError.NotFound("The user has no such API key."));
    }

    private async Task<GetApiKeysResponse> ListAsync(UserRecord user) =>
        new() { Results = (await store.ListAsync(user.Id, Cancel)).ConvertAll(Describe) };

    private async Task CancelAsync(UserRecord user, ApiKeyRecord key)
    {
        await AuditedAsync(AuditEventNames.ApiKeyCancelled, user.PublicId, () => store.DeleteAsync(key, Cancel), $"key={key.PublicId}");
        Audit.ApiKeyCancelled((await GetSessionAsync()).UserAuthId ?? "", user.PublicId, key.PublicId, ClientIp);
    }

    private ApiKey Describe(ApiKeyRecord key) => new()
    {
        Id = key.PublicId,
        Name = key.Name,
        VisibleKey = key.VisibleKey,
        Scopes = [.. GrantNames.Parse(key.Scopes)],
        CreatedDate = Utc(key.CreatedOn),
        ExpiryDate = key.ExpiresOn is { } expiry ? Utc(expiry) : null,
        // What this host noted and has not written yet is newer than the row.
        LastUsedDate = usage.Unwritten(key.PublicId) ?? (key.LastUsedOn is { } used ? Utc(used) : null),
    };

    private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
