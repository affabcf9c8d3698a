using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using LinqToDB;
using LinqToDB.Async;
using Microsoft.AspNetCore.Http;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Users;

public class UserServices(AppDb db, UserAccounts accounts, Sessions sessions) : Service
{
    private const int DefaultPerPage = 20;

    public async Task<TokenResponse> Post(CreateUser request)
    {
        UserRecord user;
        try
        {
            // Never from the request: only create-admin makes admins.
            user = await accounts.CreateAsync(request.Email!, request.Username!, request.Password!, admin: false, HttpContext.RequestAborted);
        }
        catch (UserExistsException e)
        {
            throw HttpError.Conflict(e.Message, "AlreadyExists");
        }

        var session = await sessions.StartAsync(user, HttpContext.RequestAborted);
        Response.StatusCode = StatusCodes.Status201Created;
        return session.ToResponse("Successfully registered.");
    }

    public async Task<GetUsersResponse> Get(GetUsers request)
    {
        var page = request.Page ?? 1;
        var perPage = request.PerPage ?? DefaultPerPage;
        // Only the columns a User shows: at a hundred rows a page, each column read is felt.
        var users = await db.Users.OrderBy(u => u.Id).Skip((page - 1) * perPage).Take(perPage)
            .Select(u => new UserRecord { PublicId = u.PublicId, Email = u.Email, Username = u.Username, Admin = u.Admin, RegisteredOn = u.RegisteredOn, Locked = u.Locked })
            .ToListAsync(HttpContext.RequestAborted);
        return new GetUsersResponse
        {
            Data = users.ConvertAll(UserMapping.ToDto),
            Page = page,
            PerPage = perPage,
            Total = await db.Users.CountAsync(HttpContext.RequestAborted),
        };
    }

    public async Task<User> Get(GetUser request)
    {
        // Someone else's record answers exactly like a missing one, so ids cannot be probed.
        var publicId = Guid.TryParse(request.PublicId, out var id) ? id.ToString() : null;
        if (publicId is null || (publicId != User.PublicId() && !User.IsInRole(RoleNames.Admin)))
            throw UserNotFound();

        var user = await db.UserByPublicIdAsync(publicId, HttpContext.RequestAborted);
        return user is null ? throw UserNotFound() : UserMapping.ToDto(user);
    }

    public async Task<User> Get(GetCurrentUser request)
    {
        return UserMapping.ToDto(await accounts.CallerAsync(User, HttpContext.RequestAborted));
    }

    private static HttpError UserNotFound() => HttpError.NotFound("User not found.");
}
