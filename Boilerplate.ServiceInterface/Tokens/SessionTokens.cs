namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>What a sign-in or a refresh hands the client: the session's id, its access token and its refresh token.</summary>
public sealed record SessionTokens(string SessionId, string AccessToken, string RefreshToken, DateTime RefreshTokenExpiry);
