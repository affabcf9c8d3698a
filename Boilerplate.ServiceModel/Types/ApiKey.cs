namespace Boilerplate.ServiceModel.Types;

/// <summary>One of a user's API keys as it is listed: never the key itself, which is kept only as a hash.</summary>
public class ApiKey
{
    /// <summary>The key's own id, for cancelling it; not the key.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The key's first characters, to tell which one a script holds.</summary>
    public string VisibleKey { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public DateTime CreatedDate { get; set; }
    /// <summary>When it stops working; absent when it never does.</summary>
    public DateTime? ExpiryDate { get; set; }
    /// <summary>When it was last used, to the minute; absent until it has been.</summary>
    public DateTime? LastUsedDate { get; set; }
}

public class GetApiKeysResponse
{
    public List<ApiKey> Results { get; set; } = [];
}

/// <summary>A new key, the only time it is shown: store it where the script reads it.</summary>
public class CreateApiKeyResponse : ApiKey
{
    /// <summary>Send it as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>.</summary>
    public string Key { get; set; } = "";
}

/// <summary>
/// An operation an API key may call with no scope at all: it reads only what the key's user may
/// read anyway. Any other operation takes a key only if it names the permissions it needs
/// (<c>[RequiredPermission]</c>) and the key's scopes hold them; everything else (the password,
/// email, second factor, passkeys, sessions, keys, deleting the account) needs a signed-in session.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OpenToApiKeysAttribute : Attribute;
