using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>Registration: a new account, signed in at once.</summary>
public class RegistrationServices(Registrations registrations, Sessions sessions) : Service
{
    public async Task<TokenResponse> Post(CreateUser request)
    {
        // Never from the request: only create-admin makes admins.
        var user = await registrations.RegisterAsync(request.Email!, request.Username!, request.Password!, admin: false, Request.RequestAborted);
        var session = await sessions.StartAsync(user, Request.RequestAborted);
        Response.StatusCode = 201;
        return session.ToResponse("Successfully registered.");
    }
}
