using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.ServiceInterface.Users;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Base64Url = System.Buffers.Text.Base64Url;

namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>
/// Signing in with a passkey, no email typed: the browser offers whichever of the site's passkeys
/// it holds, and the credential id it answers with names the user. Fido2 checks the challenge,
/// origin, relying party, signature and counter; the account's refusals are those of a password
/// sign-in (<see cref="SignIns.CompleteWithPasskeyAsync"/>).
/// </summary>
public sealed class PasskeySignIns(
    PasskeyStore store, PasskeyCeremonies ceremonies, UserStore users, SignIns signIns, AuditLog audit, TimeProvider clock)
{
    // The authenticator data: the relying party id's hash (32 bytes), then the flags, of which 0x04 is UV.
    private const int UserVerifiedFlagByte = 32;
    private const byte UserVerifiedFlag = 0x04;

    public async Task<PasskeyOptions> BeginAsync(RelyingParty party, CancellationToken cancel = default)
    {
        var options = party.Verifier().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            // A passkey signs in in place of both the password and the second factor: the
            // authenticator must have verified its user (a PIN, a fingerprint), not only their presence.
            UserVerification = UserVerificationRequirement.Required,
        });
        var json = options.ToJson();
        return new PasskeyOptions(await ceremonies.IssueAsync(PasskeyCeremonies.SignIn, null, json, cancel), json);
    }

    /// <exception cref="InvalidPasskeyException">The answer is not the shape of one.</exception>
    /// <exception cref="SignInFailedException">Refused; its message is what the client is told.</exception>
    /// <exception cref="EmailNotVerifiedException">Auth:RequireVerifiedEmail, and the address is not verified.</exception>
    public async Task<UserRecord> FinishAsync(RelyingParty party, string? ceremonyId, string? credential, string client, CancellationToken cancel = default)
    {
        var answer = PasskeyJson.Assertion(credential);
        var ceremony = await ceremonies.TakeAsync(ceremonyId, PasskeyCeremonies.SignIn, null, cancel)
                       ?? throw await signIns.RefuseAsync(null, "passkey ceremony spent or expired", "passkey_ceremony_spent", PasskeyMessages.CeremonySpent, client);
        var passkey = await store.FindByCredentialIdAsync(Base64Url.EncodeToString(answer.RawId), cancel);
        var user = passkey is null ? null : await users.FindByIdAsync(passkey.UserId, cancel);
        if (passkey is null || user is null)
            throw await signIns.RefuseAsync(null, "unknown passkey", "unknown_passkey", PasskeyMessages.UnknownPasskey, client);
        // No credential list was sent, so the user handle is what says whose passkey the browser chose.
        if (answer.Response.UserHandle is not { Length: > 0 })
            throw await signIns.RefuseAsync(user, "passkey answer without a user handle", "passkey_not_verified", PasskeyMessages.NotVerified, client);

        VerifyAssertionResult result;
        try
        {
            result = await party.Verifier().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = answer,
                OriginalOptions = AssertionOptions.FromJson(ceremony.Options),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = (uint)passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (owner, _) => Task.FromResult(owner.UserHandle.AsSpan().SequenceEqual(passkey.UserHandle)),
            }, cancel);
        }
        catch (Fido2VerificationException e) when (e.Code == Fido2ErrorCode.InvalidSignCount)
        {
            throw await ClonedAsync(user, passkey, client);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e is Fido2VerificationException fido ? fido.Code.ToString() : "malformed";
            throw await signIns.RefuseAsync(user, $"passkey not verified ({reason})", "passkey_not_verified", PasskeyMessages.NotVerified, client);
        }

        // Asked for above, and checked here whatever the library makes of it: the UV flag of the authenticator data.
        if ((answer.Response.AuthenticatorData[UserVerifiedFlagByte] & UserVerifiedFlag) == 0)
            throw await signIns.RefuseAsync(user, "passkey without user verification", "passkey_not_verified", PasskeyMessages.NotVerified, client);

        // WebAuthn: when either counter is non-zero the new one must be higher; the library lets a 0 after a non-zero through.
        if (result.SignCount == 0 && passkey.SignCount > 0)
            throw await ClonedAsync(user, passkey, client);
        if (!await store.RecordUseAsync(passkey, result.SignCount, clock.GetUtcNow().UtcDateTime, cancel))
            throw await ClonedAsync(user, passkey, client);

        audit.PasskeyUsed(user.PublicId, passkey.PublicId, client);
        await signIns.CompleteWithPasskeyAsync(user, client, cancel);
        return user;
    }

    private Task<SignInFailedException> ClonedAsync(UserRecord user, PasskeyRecord passkey, string client)
    {
        audit.PasskeyCloned(user.PublicId, passkey.PublicId, client);
        return signIns.RefuseAsync(user, $"passkey counter did not go up (passkey={passkey.PublicId})", "passkey_cloned", PasskeyMessages.Cloned, client);
    }
}
