namespace ServiceStack;

/// <summary>ServiceStack's names for how a session was authenticated (<c>IAuthSession.AuthProvider</c>).</summary>
public static class AuthenticateService
{
    /// <summary>A bearer JWT.</summary>
    public const string JwtProvider = "jwt";

    /// <summary>An API key; the principal's authentication type says so.</summary>
    public const string ApiKeyProvider = "apikey";
}
