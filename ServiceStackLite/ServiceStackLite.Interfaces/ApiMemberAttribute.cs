namespace ServiceStack;

/// <summary>How the API's descriptions show one request property.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public class ApiMemberAttribute : Attribute
{
    /// <summary>The verbs (comma-separated) the property is read on; all when null.</summary>
    public string? Verb { get; set; }

    /// <summary>Replaces the property's doc comment.</summary>
    public string? Description { get; set; }
}
