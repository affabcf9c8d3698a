using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>
/// Starts adding a passkey to the caller's account: the options for the browser's
/// navigator.credentials.create. A passkey is a way in, so this is confirmed with the password
/// (and a current code when two-factor sign-in is on), unless the session signed in with the
/// password, or through a provider, in the last 5 minutes; a notice goes to the account's address
/// once it is added.
/// </summary>
[Tag(Tags.User)]
[Route("/user/me/passkeys/options", "POST")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Confirmation)]
[ApiResponse(400, "The password or the code does not match, or App:PublicUrl names an IP address, where browsers refuse passkeys.")]
[ApiResponse(403, "The address must be verified first (Auth:RequireVerifiedEmail).")]
public class BeginPasskeyRegistration : IReturn<PasskeyOptionsResponse>, IPost
{
    [Secret]
    public string? Password { get; set; }

    /// <summary>A current code of the authenticator app, when two-factor sign-in is on.</summary>
    [Secret]
    public string? Code { get; set; }
}

/// <summary>Adds the passkey the browser created for a BeginPasskeyRegistration's options.</summary>
[Tag(Tags.User)]
[Route("/user/me/passkeys", "POST")]
[ValidateIsAuthenticated]
[ApiResponse(400, "The ceremony is unknown, spent or expired, the credential is not valid JSON, or it does not verify (wrong origin, challenge or relying party).")]
[ApiResponse(409, "This passkey is registered already.")]
public class AddPasskey : IReturn<Passkey>, IPost
{
    [DataMember(Name = "ceremony_id")]
    public string? CeremonyId { get; set; }

    /// <summary>The JSON text of the RegistrationResponseJSON <c>startRegistration</c> resolved to.</summary>
    public string? Credential { get; set; }

    /// <summary>What the account page calls it, e.g. "Work laptop"; "Passkey" if left out.</summary>
    public string? Name { get; set; }
}

/// <summary>The caller's passkeys, oldest first.</summary>
[Tag(Tags.User)]
[Route("/user/me/passkeys", "GET")]
[ValidateIsAuthenticated]
public class GetPasskeys : IReturn<GetPasskeysResponse>, IGet;

/// <summary>Gives one of the caller's passkeys a new name.</summary>
[Tag(Tags.User)]
[Route("/user/me/passkeys/{id}", "PUT")]
[ValidateIsAuthenticated]
[ApiResponse(404, "The caller has no such passkey.")]
public class RenamePasskey : IReturn<Passkey>, IPut
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

/// <summary>Removes one of the caller's passkeys; it takes the password, or a current code when two-factor sign-in is on.</summary>
/// <remarks>ServiceStack's clients send a DELETE's fields in the URL, so they send this one with POST to /api/DeletePasskey.</remarks>
[Tag(Tags.User)]
[Route("/user/me/passkeys/{id}", "DELETE")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Confirmation)]
[ApiResponse(400, "The password or the code does not match.")]
[ApiResponse(404, "The caller has no such passkey.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class DeletePasskey : IReturnVoid, IDelete
{
    public string? Id { get; set; }

    [Secret]
    public string? Password { get; set; }

    /// <summary>A current code of the authenticator app, when two-factor sign-in is on.</summary>
    [Secret]
    public string? Code { get; set; }
}

/// <summary>Starts a sign-in with a passkey, no email needed: the options for the browser's navigator.credentials.get.</summary>
[Tag(Tags.Auth)]
[Route("/auth/passkey/options", "POST")]
[RateLimited(RateLimitBudgets.SignIn)]
[ApiResponse(400, "App:PublicUrl names an IP address, where browsers refuse passkeys.")]
public class BeginPasskeySignIn : IReturn<PasskeyOptionsResponse>, IPost;

/// <summary>Signs in with the passkey the browser chose for a BeginPasskeySignIn's options; no second factor is asked, the passkey is one.</summary>
[Tag(Tags.Auth)]
[Route("/auth/passkey", "POST")]
[RateLimited(RateLimitBudgets.SignIn)]
[ApiResponse(400, "The credential is not valid JSON.")]
[ApiResponse(401, "The passkey is unknown or does not verify, its signature counter did not go up (a copied authenticator), the ceremony is spent or expired, or the account is locked.")]
[ApiResponse(403, "The address must be verified first (Auth:RequireVerifiedEmail).")]
public class PasskeySignIn : IReturn<TokenResponse>, IPost, IHasUseTokenCookie
{
    [DataMember(Name = "ceremony_id")]
    public string? CeremonyId { get; set; }

    /// <summary>The JSON text of the AuthenticationResponseJSON <c>startAuthentication</c> resolved to.</summary>
    public string? Credential { get; set; }
    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    public bool? UseTokenCookie { get; set; }
}
