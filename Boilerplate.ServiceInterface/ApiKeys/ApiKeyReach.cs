using System.Collections.Concurrent;
using System.Reflection;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStack.Web;

namespace Boilerplate.ServiceInterface.ApiKeys;

/// <summary>
/// Which operations a caller who came with an API key may call, decided once for all of them from
/// what each DTO declares, so a new operation is closed to keys until it says otherwise. A key may
/// call an operation marked <see cref="OpenToApiKeysAttribute"/>, and one that names the permissions
/// it needs (<c>[RequiredPermission]</c>, checked against the key's scopes by the guard) and no role.
/// Everything else (the password, email, second factor, passkeys, sessions, keys, deleting the
/// account) answers 403: it needs a signed-in session.
/// </summary>
public static class ApiKeyReach
{
    private static readonly ConcurrentDictionary<Type, bool> Reachable = new();

    /// <summary>ServiceStack's global request filter: runs for every request once its DTO is bound.</summary>
    public static async Task RefuseBeyondReach(IRequest request, IResponse response, object dto)
    {
        var caller = await request.GetSessionAsync();
        if (caller.AuthProvider == AuthenticateService.ApiKeyProvider && !MayCall(dto.GetType()))
            throw HttpError.Forbidden(AuthMessages.SessionNeeded);
    }

    public static bool MayCall(Type requestType) => Reachable.GetOrAdd(requestType, type =>
        type.IsDefined(typeof(OpenToApiKeysAttribute))
        || (type.IsDefined(typeof(RequiredPermissionAttribute)) && !type.IsDefined(typeof(RequiredRoleAttribute)) && !type.IsDefined(typeof(ValidateHasRoleAttribute))));
}
