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
    /// <summary>True for an account an admin has locked; absent otherwise, so users keep the seed's five keys.</summary>
    public bool? Locked { get; set; }
}
