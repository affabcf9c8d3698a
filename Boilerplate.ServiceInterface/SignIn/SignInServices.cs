using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.SignIn;

/// <summary>Signing in with a password: the seed's login, its second-factor step, and ServiceStack's Authenticate.</summary>
public class SignInServices(SignIns signIns) : AppService
{
    /// <summary>With a second factor on, the answer is <c>mfa_required</c> and the mfa_token for LoginMfa.</summary>
    public async Task<LoginResponse> Post(Login request)
    {
        var user = await signIns.VerifyAsync(request.Email!, request.Password!, ClientIp, Cancel);
        return await SignedInAsync(user, new LoginResponse { Message = "Successfully logged in." }, SignInProof.Password);
    }

    public async Task<TokenResponse> Post(LoginMfa request)
    {
        var (user, proof) = await signIns.SecondFactorAsync(request.MfaToken, request.Code, request.RecoveryCode, ClientIp, Cancel);
        return await SignedInAsync(user, new TokenResponse { Message = "Successfully logged in." }, proof);
    }

    public async Task<AuthenticateResponse> Post(Authenticate request)
    {
        if (string.IsNullOrEmpty(request.Provider) && string.IsNullOrEmpty(request.UserName))
            return await CurrentSessionAsync();
        if (request.Provider?.ToLowerInvariant() is not (null or "" or "credentials" or "login"))
            throw HttpError.NotFound($"No auth provider '{request.Provider}': use 'credentials'.");

        // With a second factor on, 401 MfaRequired carrying the mfa_token, as ServiceStack answers.
        var user = await signIns.VerifyAsync(request.UserName!, request.Password!, ClientIp, Cancel);
        var (sessionId, tokens) = await StartSessionAsync(user, SignInProof.Password);
        return Describe(user, sessionId, tokens);
    }

    /// <summary>GET /auth: who the bearer token (or <c>ss-tok</c> cookie) belongs to; never signs in.</summary>
    public Task<AuthenticateResponse> Get(Authenticate request) => CurrentSessionAsync();

    /// <summary>ServiceStack's answer to an Authenticate with no credentials: the caller's session, or 401.</summary>
    private async Task<AuthenticateResponse> CurrentSessionAsync()
    {
        var session = await GetSessionAsync();
        if (!session.IsAuthenticated)
            throw HttpError.Unauthorized("Not Authenticated");
        return Describe(await CallerAsync(), session.Id ?? "", tokens: null);
    }

    private static AuthenticateResponse Describe(UserRecord user, string sessionId, SessionTokens? tokens) => new()
    {
        UserId = user.PublicId,
        SessionId = sessionId,
        UserName = user.Username,
        DisplayName = user.Username,
        BearerToken = tokens?.AccessToken,
        RefreshToken = tokens?.RefreshToken,
        RefreshTokenExpiry = tokens?.RefreshTokenExpiry,
        Roles = user.Admin ? [RoleNames.Admin] : [],
    };
}
