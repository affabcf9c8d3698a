namespace ServiceStack.Auth;

/// <summary>Who is calling, as ServiceStack describes a signed-in user; read from the bearer token here.</summary>
public interface IAuthSession
{
    /// <summary>The session's id: the token's <c>sid</c>, else its <c>jti</c>.</summary>
    string? Id { get; set; }

    /// <summary>The user's id: the token's <c>sub</c>.</summary>
    string? UserAuthId { get; set; }

    string? UserAuthName { get; set; }

    string? UserName { get; set; }

    string? DisplayName { get; set; }

    string? Email { get; set; }

    List<string> Roles { get; set; }

    List<string> Permissions { get; set; }

    bool IsAuthenticated { get; set; }

    /// <summary>How the caller signed in, e.g. <c>jwt</c>.</summary>
    string? AuthProvider { get; set; }
}
