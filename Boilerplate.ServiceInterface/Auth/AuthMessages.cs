namespace Boilerplate.ServiceInterface.Auth;

/// <summary>The seed's wording for every auth failure; clients show these to people.</summary>
public static class AuthMessages
{
    public const string MissingToken = "Provide a valid auth token.";
    public const string InvalidToken = "Invalid token. Please log in again.";
    public const string ExpiredToken = "Signature expired. Please log in again.";
    public const string RevokedToken = "Token blacklisted. Please log in again.";
    public const string AdminRequired = "admin token required";
    /// <summary>The seed's words for a caller who may not, and which permission would let them.</summary>
    public static string PermissionRequired(string permission) => $"{AdminRequired} (this needs the {permission} permission)";
    /// <summary>A key's caller: the key's scopes, or its user's permissions now, lack the permission.</summary>
    public static string ScopeRequired(string permission) =>
        $"This API key cannot do this: it needs the {permission} permission in its scopes, held by its user.";
    public const string AdminOnlyOnAdmin = "Only an admin can do this to an admin's account.";
    public const string BadCredentials = "email or password does not match.";
    public const string LockedOut = "Too many failed sign-ins: this account is locked for a while. Please try again later.";
    public const string AccountLocked = "This account is locked. Please contact an administrator.";
    public const string InvalidRefreshToken = "Invalid refresh token. Please log in again.";
    public const string SessionTooOld = "This sign-in has lasted as long as one may. Please log in again.";
    public const string ForgeableCookieWrite = "A request signed in by cookie that changes anything must send JSON (Content-Type: application/json) or an X-Requested-With header.";
    public const string ForgeableCookieSignIn = "A request that asks for its session as cookies (useTokenCookie) must send JSON (Content-Type: application/json) or an X-Requested-With header.";
    public const string BadCode = "The code does not match.";
    public const string MfaTokenSpent = "This sign-in has expired or is complete. Please sign in again.";
    public const string MfaRequired = "Enter the code from your authenticator app (or a recovery code) at POST /auth/login/mfa with this mfa_token.";
    public const string InvalidApiKey = "Invalid API key.";
    public const string ExpiredApiKey = "This API key has expired.";
    public const string ApiKeyAccountLocked = "This API key's account is locked.";
    public const string SessionNeeded = "An API key cannot do this: it needs a signed-in session.";
    public static string TooManyApiKeyFailures(int seconds) => $"Too many requests with a bad API key: try again in {seconds} seconds.";
    public const string RefreshTokenReused = "Refresh token already used: the session has been ended. Please log in again.";
}
