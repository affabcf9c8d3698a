using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Registration;

/// <summary>Registration: a new account, signed in at once unless its address must be verified first.</summary>
public class RegistrationServices(Registrations registrations, IOptions<AuthSettings> auth, PublicAddress publicAddress) : AppService
{
    public async Task<TokenResponse> Post(CreateUser request)
    {
        // Never from the request: only create-admin makes admins.
        var user = await registrations.RegisterAsync(request.Email!, request.Username!, request.Password!, publicAddress.Url, Cancel);
        Response.StatusCode = 201;
        if (auth.Value.RequireVerifiedEmail)
            return new TokenResponse { Message = "Successfully registered. Follow the link we mailed to your address, then sign in." };
        return await SignedInAsync(user, new TokenResponse { Message = "Successfully registered." }, SignInProof.Password);
    }
}
