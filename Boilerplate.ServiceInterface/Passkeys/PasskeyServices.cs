using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Email;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>A user's passkeys: adding, listing, renaming and removing them, and signing in with one.</summary>
public class PasskeyServices(
    UserAccounts accounts, PasskeyStore store, PasskeyRegistrations registrations, PasskeySignIns passkeySignIns, PasswordHasher passwords,
    TwoFactor twoFactor, Sessions sessions, TokenDelivery delivery, AuditLog audit, IOptions<AppSettings> app) : Service
{
    public async Task<PasskeyOptionsResponse> Post(BeginPasskeyRegistration request)
    {
        var party = Party();
        var options = await registrations.BeginAsync(party, await CallerAsync(), Request.RequestAborted);
        return new PasskeyOptionsResponse { CeremonyId = options.CeremonyId, Options = options.Json };
    }

    public async Task<Passkey> Post(AddPasskey request)
    {
        var party = Party();
        var user = await CallerAsync();
        var passkey = await registrations.FinishAsync(party, user, request.CeremonyId, request.Credential, request.Name, Request.RequestAborted);
        audit.PasskeyAdded(user.PublicId, passkey.PublicId, Request.RemoteIp);
        return Describe(passkey);
    }

    public async Task<GetPasskeysResponse> Get(GetPasskeys request)
    {
        var user = await CallerAsync();
        return new GetPasskeysResponse { Data = (await store.ListAsync(user.Id, Request.RequestAborted)).Select(Describe).ToList() };
    }

    public async Task<Passkey> Put(RenamePasskey request)
    {
        var passkey = await FindAsync(await CallerAsync(), request.Id);
        passkey.Name = request.Name!.Trim();
        await store.RenameAsync(passkey.Id, passkey.Name, Request.RequestAborted);
        return Describe(passkey);
    }

    public async Task Delete(DeletePasskey request)
    {
        var user = await CallerAsync();
        var passkey = await FindAsync(user, request.Id);
        await RequireFactorAsync(user, request.Password, request.Code);
        await store.DeleteAsync(passkey.Id, Request.RequestAborted);
        audit.PasskeyRemoved(user.PublicId, passkey.PublicId, Request.RemoteIp);
    }

    /// <summary>ServiceStack's clients cannot send a DELETE with a body, and the password must not go in the URL.</summary>
    public Task Post(DeletePasskey request) => Delete(request);

    public async Task<PasskeyOptionsResponse> Post(BeginPasskeySignIn request)
    {
        var options = await passkeySignIns.BeginAsync(Party(), Request.RequestAborted);
        return new PasskeyOptionsResponse { CeremonyId = options.CeremonyId, Options = options.Json };
    }

    public async Task<TokenResponse> Post(PasskeySignIn request)
    {
        var user = await passkeySignIns.FinishAsync(Party(), request.CeremonyId, request.Credential, Request.RemoteIp, Request.RequestAborted);
        var session = await sessions.StartAsync(user, SessionClient.Of(Request), Request.RequestAborted);
        return delivery.Token(Request, session, "Successfully logged in.");
    }

    private RelyingParty Party() => RelyingParty.For(app.Value.LinkBaseFor(Request), app.Value.Name);

    private Task<UserRecord> CallerAsync() => accounts.CallerAsync(GetSession(), Request.RequestAborted);

    private async Task<PasskeyRecord> FindAsync(UserRecord user, string? id) =>
        await store.FindAsync(user.Id, id, Request.RequestAborted) ?? throw HttpError.NotFound("No such passkey.");

    /// <summary>A removal is a change of how the account is got into: the password, or with two-factor sign-in on, a current code.</summary>
    private async Task RequireFactorAsync(UserRecord user, string? password, string? code)
    {
        if (password is { Length: > 0 })
        {
            if (!await passwords.VerifyAsync(password, user.PasswordHash, Request.RequestAborted))
                throw HttpError.Validation("InvalidPassword", "password does not match.", "password");
            return;
        }
        if (!user.MfaEnabled)
            throw HttpError.Validation("NotEnabled", "Two-factor sign-in is off: send the password instead of a code.", "code");
        if (!await twoFactor.AcceptCodeAsync(user, code, Request.RequestAborted))
            throw HttpError.Validation("InvalidCode", AuthMessages.BadCode, "code");
    }

    private static Passkey Describe(PasskeyRecord passkey) => new()
    {
        Id = passkey.PublicId,
        Name = passkey.Name,
        CreatedOn = passkey.CreatedOn,
        LastUsedOn = passkey.LastUsedOn,
        Transports = passkey.Transports?.Split(',').ToList(),
    };
}
