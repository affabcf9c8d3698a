using System.Text.RegularExpressions;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.ServiceInterface.Users;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.ExternalSignIn;

/// <summary>
/// Which account an identity a provider vouched for signs in to. A known identity (issuer and
/// subject) signs in its own account. A new one makes an account, but only from an address the
/// provider verified; it never takes over an account that already has the address, unless the
/// provider's <c>LinkByVerifiedEmail</c> is set and both sides verified it. Then the refusals
/// every sign-in has (<see cref="SignIns.CompleteExternalAsync"/>); a second factor is asked for
/// when the session starts, as after a password.
/// </summary>
public sealed partial class ExternalSignIns(
    ExternalIdentities identities, UserStore users, UserAccounts accounts, SignIns signIns, AppDb db, IOptions<AuthSettings> options, AuditTrail trail, AuditLog audit)
{
    private readonly AuthSettings settings = options.Value;

    /// <exception cref="SignInFailedException">Refused; its message is what the client is told.</exception>
    public async Task<UserRecord> SignInAsync(VouchedIdentity vouched, string client, CancellationToken cancel = default)
    {
        var user = await identities.FindAsync(vouched.Issuer, vouched.Subject, cancel) is { } known
            ? await KnownAsync(known, cancel)
            : await NewIdentityAsync(vouched, client, cancel);
        await signIns.CompleteExternalAsync(user, client, cancel);
        return user;
    }

    /// <summary>What the account page says of the provider: its display name, or its name.</summary>
    public string DisplayName(string provider) =>
        settings.External.TryGetValue(provider, out var external) && !string.IsNullOrWhiteSpace(external.DisplayName) ? external.DisplayName : provider;

    private async Task<UserRecord> KnownAsync(ExternalIdentityRecord identity, CancellationToken cancel)
    {
        await identities.UsedAsync(identity, cancel);
        // The identity goes with its account (a cascade), so this finds one unless it went this instant.
        return await users.FindByIdAsync(identity.UserId, cancel) ?? throw new SignInFailedException(AuthMessages.BadCredentials);
    }

    private async Task<UserRecord> NewIdentityAsync(VouchedIdentity vouched, string client, CancellationToken cancel)
    {
        var name = DisplayName(vouched.Provider);
        if (!vouched.EmailVerified || string.IsNullOrWhiteSpace(vouched.Email))
            throw await signIns.RefuseAsync(null, $"{vouched.Provider} did not verify the address", "external_email_not_verified",
                $"{name} has not verified your email address, so it cannot sign you in here. Verify it at {name}, or sign up with a password.", client);
        if (await users.FindByEmailAsync(vouched.Email, cancel) is { } owner)
        {
            if (!(settings.External[vouched.Provider].LinkByVerifiedEmail && owner.EmailVerified))
                throw await signIns.RefuseAsync(owner, $"{vouched.Provider} identity for an existing address", "external_account_exists",
                    $"An account with {vouched.Email} exists already. Sign in to it, then link {name} from your account page.", client);
            await LinkAsync(owner, vouched, client, signingIn: true, cancel);
            return owner;
        }
        return await RegisterAsync(vouched, client, cancel);
    }

    /// <summary>Links the identity to the account, with its row of the audit trail.</summary>
    /// <exception cref="ExternalIdentityTakenException">Linked to some account meanwhile, or the account has another identity of this provider.</exception>
    public async Task LinkAsync(UserRecord user, VouchedIdentity vouched, string client, bool signingIn, CancellationToken cancel = default)
    {
        await db.AtomicallyAsync(async () =>
        {
            await identities.LinkAsync(user.Id, vouched, signingIn, cancel);
            await trail.RecordAsync(AuditEventNames.IdentityLinked, user.PublicId, user.PublicId, client, $"provider={vouched.Provider}", cancel);
        }, cancel);
        audit.IdentityLinked(user.PublicId, vouched.Provider, client);
    }

    /// <summary>An account for a new identity: its address verified (the provider did), no password, a username made from the address.</summary>
    private async Task<UserRecord> RegisterAsync(VouchedIdentity vouched, string client, CancellationToken cancel)
    {
        var stem = UsernameStem(vouched.Email!);
        for (var attempt = 0; ; attempt++)
        {
            var username = attempt == 0 ? stem : $"{stem}-{Random.Shared.Next(1000, 10000)}";
            try
            {
                var user = await db.AtomicallyAsync(async () =>
                {
                    var made = await accounts.CreateAsync(vouched.Email!, username, passwordHash: "", admin: false, emailVerified: true, cancel);
                    await identities.LinkAsync(made.Id, vouched, signingIn: true, cancel);
                    await trail.RecordAsync(AuditEventNames.RegisteredThroughProvider, made.PublicId, made.PublicId, client, $"provider={vouched.Provider}", cancel);
                    return made;
                }, cancel);
                audit.RegisteredThroughProvider(user.PublicId, vouched.Provider, client);
                return user;
            }
            catch (UserExistsException) when (attempt < 5)
            {
                // Another username is tried while the address is still free; a taken address is refused as registration refuses it.
                if (await users.FindByEmailAsync(vouched.Email!, cancel) is not null)
                    throw;
            }
        }
    }

    /// <summary>The address's local part in the characters a username may hold, 3 to 40 of them.</summary>
    private static string UsernameStem(string email)
    {
        var stem = NotUsername().Replace(email.Split('@')[0], "");
        return stem.Length >= 3 ? stem[..Math.Min(stem.Length, 40)] : $"user{stem}";
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex NotUsername();
}
