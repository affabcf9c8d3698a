using Boilerplate.ServiceInterface.Data;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Base64Url = System.Buffers.Text.Base64Url;

namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>The options a browser's navigator.credentials call takes, and the id its answer comes back with.</summary>
public sealed record PasskeyOptions(string CeremonyId, string Json);

/// <summary>
/// Adding a passkey: options that ask for a discoverable credential (so signing in needs no
/// email) and for user verification where the authenticator can, then Fido2's verification of
/// what the browser made. No attestation is asked for: which make of authenticator it is
/// decides nothing here.
/// </summary>
public sealed class PasskeyRegistrations(PasskeyStore store, PasskeyCeremonies ceremonies, TimeProvider clock)
{
    public const string DefaultName = "Passkey";

    public async Task<PasskeyOptions> BeginAsync(RelyingParty party, UserRecord user, CancellationToken cancel = default)
    {
        var existing = await store.ListAsync(user.Id, cancel);
        var options = party.Verifier().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandle(user), Name = user.Email, DisplayName = user.Username },
            // The same authenticator twice would be one key under two names.
            ExcludeCredentials = existing.Select(p => new PublicKeyCredentialDescriptor(Base64Url.DecodeFromChars(p.CredentialId))).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                // It will sign in on its own, so it must be one that verifies its user.
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
            Extensions = new AuthenticationExtensionsClientInputs { CredProps = true },
        });
        var json = options.ToJson();
        return new PasskeyOptions(await ceremonies.IssueAsync(PasskeyCeremonies.Registration, user.Id, json, cancel), json);
    }

    /// <summary>
    /// The passkey a browser's answer makes, verified against its ceremony, which it spends; not yet
    /// stored, so the caller stores it with whatever goes with it (<see cref="PasskeyStore.InsertAsync"/>).
    /// </summary>
    /// <exception cref="InvalidPasskeyException">The answer is malformed, its ceremony spent, or it does not verify.</exception>
    /// <exception cref="PasskeyExistsException">The credential is registered already.</exception>
    public async Task<PasskeyRecord> FinishAsync(
        RelyingParty party, UserRecord user, string? ceremonyId, string? credential, string? name, CancellationToken cancel = default)
    {
        var answer = PasskeyJson.Attestation(credential);
        var ceremony = await ceremonies.TakeAsync(ceremonyId, PasskeyCeremonies.Registration, user.Id, cancel)
                       ?? throw new InvalidPasskeyException("CeremonyExpired", "ceremony_id", PasskeyMessages.CeremonySpent);
        // Looked up first, so the library's check runs on no database connection of its own.
        var unique = !await store.ExistsAsync(Base64Url.EncodeToString(answer.RawId), cancel);
        RegisteredPublicKeyCredential made;
        try
        {
            made = await party.Verifier().MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = answer,
                OriginalOptions = CredentialCreateOptions.FromJson(ceremony.Options),
                IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(unique),
            }, cancel);
        }
        catch (Fido2VerificationException e) when (e.Code == Fido2ErrorCode.NonUniqueCredentialId)
        {
            throw new PasskeyExistsException();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the library cannot make sense of came from the client.
            throw new InvalidPasskeyException("InvalidCredential", "credential",
                e is Fido2VerificationException ? $"{PasskeyMessages.NotVerified} {e.Message}" : PasskeyMessages.Malformed);
        }

        var passkey = new PasskeyRecord
        {
            PublicId = Guid.NewGuid().ToString(),
            UserId = user.Id,
            CredentialId = Base64Url.EncodeToString(made.Id),
            PublicKey = made.PublicKey,
            UserHandle = made.User.Id,
            SignCount = made.SignCount,
            Transports = made.Transports is { Length: > 0 } transports ? string.Join(',', transports.Select(TransportName)) : null,
            Name = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim(),
            CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        return passkey;
    }

    /// <summary>
    /// The WebAuthn user.id the authenticator keeps: the public id's 16 bytes, so it names the
    /// account without naming the person, and stays the same for each of the user's passkeys.
    /// </summary>
    private static byte[] UserHandle(UserRecord user) => Guid.Parse(user.PublicId).ToByteArray(bigEndian: true);

    // The names the WebAuthn spec and the browser use.
    private static string TransportName(AuthenticatorTransport transport) => transport switch
    {
        AuthenticatorTransport.SmartCard => "smart-card",
        _ => transport.ToString().ToLowerInvariant(),
    };
}
