using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceModel;

/// <summary>Changes the caller's password; every other session ends, and a fresh session comes back.</summary>
[Route("/user/me/password", "PUT")]
[ValidateIsAuthenticated]
public class ChangePassword : IReturn<TokenResponse>, IPut
{
    [DataMember(Name = "current_password")]
    public string? CurrentPassword { get; set; }

    [DataMember(Name = "new_password")]
    public string? NewPassword { get; set; }
}

/// <summary>Deletes the caller's own account; the password must be sent (in the body) to confirm.</summary>
[Route("/user/me", "DELETE")]
[ValidateIsAuthenticated]
public class DeleteCurrentUser : IReturnVoid, IDelete
{
    public string? Password { get; set; }
}
