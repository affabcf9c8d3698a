using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>
/// Makes an API key for the caller: a script's way to call the API as the caller, limited to
/// <c>scopes</c> (and to what the caller may do when it calls). The key is answered this once; only
/// its hash is kept. A key is a way in, so this needs a signed-in session (never a key), is
/// confirmed with the password (and a current code when two-factor sign-in is on) unless the
/// session signed in with the password, or through a provider, in the last 5 minutes, and sends a
/// notice to the account's address.
/// </summary>
[Tag(Tags.ApiKeys)]
[Route("/apikeys", "POST")]
[ValidateIsAuthenticated]
[RateLimited(RateLimitBudgets.Confirmation)]
[ApiResponse(400, "No name or one over 100 characters, a scope the service does not know or the caller does not hold (the message lists them), expiresInDays out of 1 to 3650, the password or the code does not match, or the caller has 50 keys already.")]
[ApiResponse(403, "Sent with an API key (a signed-in session is needed), or the address must be verified first (Auth:RequireVerifiedEmail).")]
public class CreateApiKey : IReturn<CreateApiKeyResponse>, IPost
{
    /// <summary>What the key is for, e.g. "nightly export"; shown in the key list.</summary>
    public string? Name { get; set; }

    /// <summary>Permissions the key may use, of those the caller holds; none lets it read only its own user.</summary>
    public List<string>? Scopes { get; set; }

    /// <summary>Days until the key stops working, 1 to 3650; it never expires when absent.</summary>
    public int? ExpiresInDays { get; set; }

    [Secret]
    public string? Password { get; set; }

    /// <summary>A current code of the authenticator app, when two-factor sign-in is on.</summary>
    [Secret]
    public string? Code { get; set; }
}

/// <summary>The caller's API keys, newest first, without their secrets (ServiceStack's GetApiKeys).</summary>
[Tag(Tags.ApiKeys)]
[Route("/apikeys", "GET")]
[ValidateIsAuthenticated]
public class GetApiKeys : IReturn<GetApiKeysResponse>, IGet;

/// <summary>Cancels one of the caller's API keys: refused on every host within a second.</summary>
[Tag(Tags.ApiKeys)]
[Route("/apikeys/{id}", "DELETE")]
[ValidateIsAuthenticated]
[ApiResponse(404, "The caller has no such key.")]
public class DeleteApiKey : IReturnVoid, IDelete
{
    public string? Id { get; set; }
}

/// <summary>A user's API keys, newest first, without their secrets.</summary>
[Tag(Tags.ApiKeys)]
[Route("/user/{public_id}/apikeys", "GET")]
[RequiredPermission(PermissionNames.UsersManage)]
[ApiResponse(404, "User not found.")]
public class GetUserApiKeys : IReturn<GetApiKeysResponse>, IGet
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}

/// <summary>Cancels one of a user's API keys, on every host within a second; an admin's only by an admin.</summary>
[Tag(Tags.ApiKeys)]
[Route("/user/{public_id}/apikeys/{id}", "DELETE")]
[RequiredPermission(PermissionNames.UsersManage)]
[ApiResponse(404, "User not found, or the user has no such key.")]
public class DeleteUserApiKey : IReturnVoid, IDelete
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }

    public string? Id { get; set; }
}
