using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>
/// The OpenID Connect providers people may sign in with (<c>Auth:External</c>), for the account
/// pages' buttons; each starts at its <c>url</c>, <c>GET /auth/{name}</c>, in the browser.
/// </summary>
[Tag(Tags.Auth)]
[Route("/auth/providers", "GET")]
public class GetAuthProviders : IReturn<GetAuthProvidersResponse>, IGet;

public class GetAuthProvidersResponse
{
    public List<AuthProvider> Results { get; set; } = [];
}

public class AuthProvider
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Where the browser goes to sign in; add <c>?link=true</c> to link the provider to the signed-in account, and <c>continue</c> for the path to land on.</summary>
    public string Url { get; set; } = "";
}

/// <summary>
/// Finishes a sign-in an external provider vouched for, in the browser that started it: the
/// provider's callback left a ticket there as the HttpOnly <c>ss-ext</c> cookie, good once and for
/// 10 minutes. Signs in as every way in does (a locked account is refused; a second factor is asked
/// for with <c>mfa_required</c> and an mfa_token for LoginMfa), or, when the flow began with
/// <c>?link=true</c>, links the identity to the signed-in account that began it.
/// </summary>
[Tag(Tags.Auth)]
[Route("/auth/external/complete", "POST")]
[RateLimited(RateLimitBudgets.SignIn)]
[OptionalAuthentication]
[ApiResponse(400, "No external sign-in waits in this browser: it expired, was finished already, or began in another browser.")]
[ApiResponse(401, "Refused: the account is locked, the provider did not verify the address of a new identity, or an account with that address exists and must link the provider itself.")]
[ApiResponse(403, "Linking was begun by another account than the one signed in now.")]
[ApiResponse(409, "The identity is linked to another account, or the account is linked to another identity of this provider.")]
public class CompleteExternalSignIn : IReturn<ExternalSignInResponse>, IPost, IHasUseTokenCookie
{
    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    public bool? UseTokenCookie { get; set; }
}

/// <summary>A sign-in's answer, with the path of this service the browser goes to next; or, after linking, <c>linked</c> and no tokens.</summary>
public class ExternalSignInResponse : LoginResponse
{
    public string Continue { get; set; } = "/account/";
    public bool Linked { get; set; }
}

/// <summary>The external identities linked to the caller's account.</summary>
[Tag(Tags.User)]
[Route("/user/me/identities", "GET")]
[ValidateIsAuthenticated]
public class GetExternalIdentities : IReturn<GetExternalIdentitiesResponse>, IGet;

public class GetExternalIdentitiesResponse
{
    public List<ExternalIdentity> Results { get; set; } = [];
}

public class ExternalIdentity
{
    /// <summary>The provider's name, as in <c>/auth/{name}</c>.</summary>
    public string Provider { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>The address the provider gave when the identity was linked.</summary>
    public string? Email { get; set; }
    public DateTime LinkedDate { get; set; }
    public DateTime? LastUsedDate { get; set; }
}

/// <summary>Unlinks a provider from the caller's account; refused when it is the last way in (no password, no passkey, no other identity).</summary>
[Tag(Tags.User)]
[Route("/user/me/identities/{provider}", "DELETE")]
[ValidateIsAuthenticated]
[ApiResponse(404, "No identity of this provider is linked to the account.")]
[ApiResponse(409, "It is the account's last way in: set a password or add a passkey first.")]
public class DeleteExternalIdentity : IReturnVoid, IDelete
{
    public string? Provider { get; set; }
}
