using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>A user's passkeys: adding, listing, renaming and removing them, and signing in with one.</summary>
public class PasskeyServices(
    PasskeyStore store, PasskeyRegistrations registrations, PasskeySignIns passkeySignIns, PublicAddress publicAddress, IOptions<AppSettings> app) : AppService
{
    /// <summary>A passkey is a new way in: it takes what a sign-in takes, or a sign-in with the password moments ago.</summary>
    public async Task<PasskeyOptionsResponse> Post(BeginPasskeyRegistration request)
    {
        var party = Party();
        var user = await CallerAsync();
        await ConfirmNewWayInAsync(user, request.Password, request.Code);
        var options = await registrations.BeginAsync(party, user, Cancel);
        return new PasskeyOptionsResponse { CeremonyId = options.CeremonyId, Options = options.Json };
    }

    /// <summary>Finishes a ceremony only a confirmed BeginPasskeyRegistration of this user made.</summary>
    public async Task<Passkey> Post(AddPasskey request)
    {
        var party = Party();
        var user = await CallerAsync();
        var passkey = await registrations.FinishAsync(party, user, request.CeremonyId, request.Credential, request.Name, Cancel);
        await AuditedAsync(AuditEventNames.PasskeyAdded, user.PublicId, async () =>
        {
            await store.InsertAsync(passkey, Cancel);
            await NotifyAsync(user, AccountMail.PasskeyAdded);
        }, $"passkey={passkey.PublicId}");
        Audit.PasskeyAdded(user.PublicId, passkey.PublicId, ClientIp);
        return Describe(passkey);
    }

    public async Task<GetPasskeysResponse> Get(GetPasskeys request)
    {
        var user = await CallerAsync();
        return new GetPasskeysResponse { Data = (await store.ListAsync(user.Id, Cancel)).Select(Describe).ToList() };
    }

    public async Task<Passkey> Put(RenamePasskey request)
    {
        var passkey = await FindAsync(await CallerAsync(), request.Id);
        passkey.Name = request.Name!.Trim();
        await store.RenameAsync(passkey.Id, passkey.Name, Cancel);
        return Describe(passkey);
    }

    public async Task Delete(DeletePasskey request)
    {
        var user = await CallerAsync();
        var passkey = await FindAsync(user, request.Id);
        // A change of how the account is got into: confirmed as a sign-in is.
        await ConfirmAsync(user, request.Password, request.Code);
        await AuditedAsync(AuditEventNames.PasskeyRemoved, user.PublicId, () => store.DeleteAsync(passkey.Id, Cancel), $"passkey={passkey.PublicId}");
        Audit.PasskeyRemoved(user.PublicId, passkey.PublicId, ClientIp);
    }

    /// <summary>ServiceStack's clients cannot send a DELETE with a body, and the password must not go in the URL.</summary>
    public Task Post(DeletePasskey request) => Delete(request);

    public async Task<PasskeyOptionsResponse> Post(BeginPasskeySignIn request)
    {
        var options = await passkeySignIns.BeginAsync(Party(), Cancel);
        return new PasskeyOptionsResponse { CeremonyId = options.CeremonyId, Options = options.Json };
    }

    public async Task<TokenResponse> Post(PasskeySignIn request)
    {
        var user = await passkeySignIns.FinishAsync(Party(), request.CeremonyId, request.Credential, ClientIp, Cancel);
        return await SignedInAsync(user, new TokenResponse { Message = "Successfully logged in." }, SignInProof.Passkey);
    }

    private RelyingParty Party() => RelyingParty.For(publicAddress.Url, app.Value.Name);

    private async Task<PasskeyRecord> FindAsync(UserRecord user, string? id) =>
        await store.FindAsync(user.Id, id, Cancel) ?? throw HttpError.NotFound("No such passkey.");

    private static Passkey Describe(PasskeyRecord passkey) => new()
    {
        Id = passkey.PublicId,
        Name = passkey.Name,
        CreatedOn = passkey.CreatedOn,
        LastUsedOn = passkey.LastUsedOn,
        Transports = passkey.Transports?.Split(',').ToList(),
    };
}
