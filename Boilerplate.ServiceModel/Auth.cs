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

/// <summary>
/// ServiceStack's sign-in: provider <c>credentials</c> (or <c>login</c>) with a userName that may be
/// the email or the username. With neither provider nor userName it describes the current session.
/// </summary>
[Route("/auth", "GET,POST")]
[Route("/auth/{provider}", "POST")]
public class Authenticate : IReturn<AuthenticateResponse>, IPost
{
    public string? Provider { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool? RememberMe { get; set; }
}

/// <summary>ServiceStack's AuthenticateResponse; in cookie mode the tokens travel as cookies instead.</summary>
public class AuthenticateResponse
{
    /// <summary>The user's public_id.</summary>
    public string UserId { get; set; } = "";
    /// <summary>The session (refresh-token family) id, the tokens' <c>sid</c>.</summary>
    public string SessionId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? BearerToken { get; set; }
    public string? RefreshToken { get; set; }
    public DateTime? RefreshTokenExpiry { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<string> Permissions { get; set; } = [];
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>Ends every session of the caller, on every device: all their tokens stop working at once.</summary>
[Route("/auth/logout-all", "POST")]
[ValidateIsAuthenticated]
public class LogoutAll : IReturn<StatusResponse>, IPost;
