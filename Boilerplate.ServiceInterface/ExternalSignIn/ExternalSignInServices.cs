using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceModel;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.ExternalSignIn;

/// <summary>
/// Sign-in through external OpenID Connect providers, once the host's OpenID Connect handler has
/// checked the provider's answer and left a ticket in the browser: finishing the sign-in or the
/// link, the providers to show, and the caller's linked identities.
/// </summary>
public class ExternalSignInServices(ExternalSignInTickets tickets, ExternalSignIns signIns, ExternalIdentities identities, IOptions<AuthSettings> options) : AppService
{
    public GetAuthProvidersResponse Get(GetAuthProviders request) => new()
    {
        Results = options.Value.External.Keys.Order(StringComparer.Ordinal)
            .Select(name => new AuthProvider { Name = name, DisplayName = signIns.DisplayName(name), Url = $"/auth/{name}" })
            .ToList(),
    };

    public async Task<ExternalSignInResponse> Post(CompleteExternalSignIn request)
    {
        var ticket = Request.Cookies.TryGetValue(ExternalSignInTickets.Cookie, out var cookie) ? cookie.Value : null;
        if (ticket is not null)
            Request.Response.DeleteCookie(ExternalSignInTickets.Cookie);
        var held = await tickets.TakeAsync(ticket, Cancel)
                   ?? throw HttpError.BadRequest("NoExternalSignIn", "No sign-in with a provider waits in this browser: it expired or was finished already. Start again.");
        var vouched = new VouchedIdentity(held.Provider, held.Issuer, held.Subject, held.Email, held.EmailVerified, held.Name);
        if (held.LinkUserId is not null)
            return await LinkAsync(vouched, held.LinkUserId, held.ContinuePath);

        var user = await signIns.SignInAsync(vouched, ClientIp, Cancel);
        return await SignedInAsync(user, new ExternalSignInResponse { Message = "Successfully logged in.", Continue = held.ContinuePath }, SignInProof.External);
    }

    public async Task<GetExternalIdentitiesResponse> Get(GetExternalIdentities request)
    {
        var user = await CallerAsync();
        return new GetExternalIdentitiesResponse
        {
            Results = (await identities.ListAsync(user.Id, Cancel)).Select(identity => new ExternalIdentity
            {
                Provider = identity.Provider,
                DisplayName = signIns.DisplayName(identity.Provider),
                Email = identity.Email,
                LinkedDate = identity.LinkedOn,
                LastUsedDate = identity.LastUsedOn,
            }).ToList(),
        };
    }

    public async Task Delete(DeleteExternalIdentity request)
    {
        var user = await CallerAsync();
        var identity = await identities.FindAsync(user.Id, request.Provider ?? "", Cancel)
                       ?? throw HttpError.NotFound($"No {request.Provider} identity is linked to your account.");
        if (!await identities.HasOtherWayInAsync(user, identity, Cancel))
            throw HttpError.Conflict($"{signIns.DisplayName(identity.Provider)} is your only way in: set a password (Forgot password) or add a passkey first.");
        await AuditedAsync(AuditEventNames.IdentityUnlinked, user.PublicId, async () =>
        {
            await identities.DeleteAsync(identity, Cancel);
            await NotifyAsync(user, AccountMail.IdentityUnlinked);
        }, $"provider={identity.Provider}");
        Audit.IdentityUnlinked(user.PublicId, identity.Provider, ClientIp);
    }

    /// <summary>Only the account that began the link finishes it, so a callback opened in someone else's session links nothing.</summary>
    private async Task<ExternalSignInResponse> LinkAsync(VouchedIdentity vouched, string linkUserId, string continuePath)
    {
        var session = await GetSessionAsync();
        if (!session.IsAuthenticated || session.UserAuthId != linkUserId)
            throw HttpError.Forbidden("Linking was begun by another account than the one signed in here. Sign in to that account and start again.");
        var user = await CallerAsync();
        var name = signIns.DisplayName(vouched.Provider);
        if (await identities.FindAsync(vouched.Issuer, vouched.Subject, Cancel) is { } linked)
        {
            if (linked.UserId != user.Id)
                throw HttpError.Conflict($"This {name} account is linked to another account already.");
            return new ExternalSignInResponse { Message = $"{name} was linked already.", Continue = continuePath, Linked = true };
        }
        if (await identities.FindAsync(user.Id, vouched.Provider, Cancel) is not null)
            throw HttpError.Conflict($"Your account is linked to another {name} account: unlink it first.");
        try
        {
            await signIns.LinkAsync(user, vouched, ClientIp, signingIn: false, Cancel);
        }
        catch (ExternalIdentityTakenException)
        {
            throw HttpError.Conflict($"This {name} account is linked to another account already.");
        }
        await NotifyAsync(user, AccountMail.IdentityLinked);
        return new ExternalSignInResponse { Message = $"{name} is linked: it signs you in from now on.", Continue = continuePath, Linked = true };
    }
}
