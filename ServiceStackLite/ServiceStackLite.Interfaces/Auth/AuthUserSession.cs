using ServiceStack.Auth;

namespace ServiceStack;

/// <summary>ServiceStack's default session: an unauthenticated one until a token fills it in.</summary>
public class AuthUserSession : IAuthSession
{
    public string? Id { get; set; }
    public string? UserAuthId { get; set; }
    public string? UserAuthName { get; set; }
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<string> Permissions { get; set; } = [];
    public bool IsAuthenticated { get; set; }
    public string? AuthProvider { get; set; }
}
