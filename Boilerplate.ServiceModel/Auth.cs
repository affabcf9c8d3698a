using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceModel;

/// <summary>Exchanges an email and password for a bearer token.</summary>
[Route("/auth/login", "POST")]
public class Login : IReturn<TokenResponse>, IPost
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

/// <summary>Revokes the bearer token it is sent with; the token is refused from then on.</summary>
/// <remarks>Without a token the seed answers 403, not 401.</remarks>
[Route("/auth/logout", "POST")]
[ValidateIsAuthenticated(StatusCode = 403)]
public class Logout : IReturn<StatusResponse>, IPost;

/// <summary>
/// Exchanges a refresh token for a new access token. With rotation (the default) the refresh
/// token is good once: a new one comes back, and presenting a used one again ends the session.
/// </summary>
/// <remarks>Anonymous on purpose: ServiceStack's client sends its stale bearer token along, which is ignored.</remarks>
[Route("/access-token", "POST")]
public class GetAccessToken : IReturn<GetAccessTokenResponse>, IPost
{
    public string? RefreshToken { get; set; }
}

public class GetAccessTokenResponse
{
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";
    public DateTime RefreshTokenExpiry { get; set; }
    public ResponseStatus? ResponseStatus { get; set; }
}
