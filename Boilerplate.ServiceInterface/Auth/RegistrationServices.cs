using Boilerplate.ServiceInterface.Email;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>Registration: a new account, signed in at once unless its address must be verified first.</summary>
public class RegistrationServices(Registrations registrations, Sessions sessions, TokenDelivery delivery, IOptions<AuthSettings> auth, IOptions<AppSettings> app) : Service
{
    public async Task<TokenResponse> Post(CreateUser request)
    {
        // Never from the request: only create-admin makes admins.
        var user = await registrations.RegisterAsync(request.Email!, request.Username!, request.Password!, app.Value.LinkBaseFor(Request), Request.RequestAborted);
        Response.StatusCode = 201;
        if (auth.Value.RequireVerifiedEmail)
            return new TokenResponse { Message = "Successfully registered. Follow the link we mailed to your address, then sign in." };
        var session = await sessions.StartAsync(user, SessionClient.Of(Request), Request.RequestAborted);
        return delivery.Token(Request, session, "Successfully registered.");
    }
}
