namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>The JWT claim names, as ServiceStack's JWT provider writes them.</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string TokenId = "jti";
    public const string Expires = "exp";
    public const string Name = "name";
    public const string Email = "email";
    public const string PreferredUsername = "preferred_username";
    public const string Roles = "roles";
    public const string Permissions = "perms";
    /// <summary>The session (refresh-token family) the access token belongs to.</summary>
    public const string SessionId = "sid";
    /// <summary>The user's security stamp when the token was issued.</summary>
    public const string SecurityStamp = "stamp";
    /// <summary>When the user signed in (OpenID Connect's claim): only on the first token of a sign-in.</summary>
    public const string AuthTime = "auth_time";
    /// <summary>How the user signed in (RFC 8176): only on the first token of a sign-in.</summary>
    public const string Methods = "amr";
}
