namespace Boilerplate.ServiceModel.Types;

/// <summary>A role and the permissions it grants to whoever holds it.</summary>
public class Role
{
    public string Name { get; set; } = "";
    public List<string> Permissions { get; set; } = [];
    /// <summary>True for Admin: it holds every permission and cannot be changed or deleted.</summary>
    public bool BuiltIn { get; set; }
}
