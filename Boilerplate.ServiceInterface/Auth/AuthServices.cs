using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using FluentValidation;
using LinqToDB.Async;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

public class AuthServices(AppDb db, PasswordHasher passwords, Sessions sessions, RevokedTokens revoked) : Service
{
    public async Task<TokenResponse> Post(Login request)
    {
        var email = UserAccounts.NormalizeEmail(request.Email!);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, HttpContext.RequestAborted);
        if (!passwords.Verify(request.Password!, user?.PasswordHash))
            throw HttpError.Unauthorized(AuthMessages.BadCredentials);

        var session = await sessions.StartAsync(user!, HttpContext.RequestAborted);
        return session.ToResponse("Successfully logged in.");
    }

    public async Task<GetAccessTokenResponse> Post(GetAccessToken request)
    {
        var session = await sessions.RefreshAsync(request.RefreshToken!, HttpContext.RequestAborted);
        return new GetAccessTokenResponse
        {
            AccessToken = session.AccessToken,
            RefreshToken = session.RefreshToken,
            RefreshTokenExpiry = session.RefreshTokenExpiry,
        };
    }

    public async Task<StatusResponse> Post(Logout request)
    {
        // The guard let only a valid, unrevoked token through, so both claims are there.
        var tokenId = Guid.ParseExact(User.FindFirst(TokenClaims.TokenId)!.Value, "N");
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(User.FindFirst(TokenClaims.Expires)!.Value, System.Globalization.CultureInfo.InvariantCulture));
        await revoked.RevokeAsync(db, tokenId, expires.UtcDateTime, HttpContext.RequestAborted);
        if (User.FindFirst(TokenClaims.SessionId)?.Value is { } sessionId)
            await sessions.EndAsync(sessionId, HttpContext.RequestAborted);
        return new StatusResponse { Message = "Successfully logged out." };
    }
}

public sealed class GetAccessTokenValidator : AbstractValidator<GetAccessToken>
{
    public GetAccessTokenValidator() =>
        RuleFor(x => x.RefreshToken).NotEmpty().WithMessage("refreshToken is required.");
}

public sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required.");
    }
}
