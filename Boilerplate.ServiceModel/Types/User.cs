using System.Runtime.Serialization;

namespace Boilerplate.ServiceModel.Types;

/// <summary>A user as the API shows it. The password hash never leaves the server.</summary>
public class User
{
    [DataMember(Name = "public_id")]
    public string PublicId { get; set; } = "";
    public string Email { get; set; } = "";
    public string Username { get; set; } = "";
    public bool Admin { get; set; }
    [DataMember(Name = "registered_on")]
    public DateTime RegisteredOn { get; set; }
    /// <summary>The owner followed a link mailed to the address (or reset the password through one).</summary>
    [DataMember(Name = "email_verified")]
    public bool EmailVerified { get; set; }
    /// <summary>Signing in takes a second factor: a code from an authenticator app, or a recovery code.</summary>
    [DataMember(Name = "mfa_enabled")]
    public bool MfaEnabled { get; set; }
    /// <summary>The user's roles: Admin for an admin, and those given with AssignRoles.</summary>
    public List<string> Roles { get; set; } = [];
    /// <summary>Every permission the user holds now: their roles' and their own (an admin holds all).</summary>
    public List<string> Permissions { get; set; } = [];
    /// <summary>True for an account an admin has locked; absent otherwise.</summary>
    public bool? Locked { get; set; }
}
