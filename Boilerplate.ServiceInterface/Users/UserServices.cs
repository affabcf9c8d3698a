using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Users;

/// <summary>Reading accounts: the list (<c>users.read</c>), one by id, the caller's own.</summary>
public class UserServices(UserList list) : AppService
{
    private const int DefaultPerPage = 20;

    public async Task<GetUsersResponse> Get(GetUsers request)
    {
        var page = request.Page ?? 1;
        var perPage = request.PerPage ?? DefaultPerPage;
        var (found, total) = await list.FindAsync(request.Search, page, perPage, Cancel);
        return new GetUsersResponse { Data = found.ConvertAll(Shown), Page = page, PerPage = perPage, Total = total };
    }

    public async Task<User> Get(GetUser request)
    {
        // Someone else's record answers exactly like a missing one, so ids cannot be probed.
        var session = GetSession();
        var publicId = Guid.TryParse(request.PublicId, out var id) ? id.ToString() : null;
        if (publicId is null || (publicId != session.UserAuthId && !CallerMay(PermissionNames.UsersRead)))
            throw UserNotFound();

        return await Users.FindShownAsync(publicId, Cancel) ?? throw UserNotFound();
    }

    public async Task<User> Get(GetCurrentUser request) =>
        (GetSession().UserAuthId is { } publicId ? await Users.FindShownAsync(publicId, Cancel) : null)
        ?? throw new UnknownCallerException();

    private static Exception UserNotFound() => HttpError.NotFound("User not found.");
}
