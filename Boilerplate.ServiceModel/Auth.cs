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
