using Boilerplate.ServiceModel.Types;
using ServiceStack;
using ServiceStackLite;

namespace Boilerplate.ServiceModel;

/// <summary>Registers a user and signs them in: 201 with a token, 409 when the email or username is taken.</summary>
[Tag(Tags.User)]
[Route("/user", "POST")]
[RateLimited(RateLimitBudgets.Registration)]
[ApiResponse(201, "Registered and signed in: the token is under Authorization. With Auth:RequireVerifiedEmail, registered without tokens: the address is verified first.")]
[ApiResponse(409, "The email or the username is already taken.")]
[ApiResponse(503, "Every bcrypt worker is busy: try again after Retry-After.")]
public class CreateUser : IReturn<TokenResponse>, IPost, IHasUseTokenCookie
{
    public string? Email { get; set; }
    public string? Username { get; set; }
    [Secret]
    public string? Password { get; set; }
    /// <summary>True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, for a browser app; otherwise in the body.</summary>
    public bool? UseTokenCookie { get; set; }
}
