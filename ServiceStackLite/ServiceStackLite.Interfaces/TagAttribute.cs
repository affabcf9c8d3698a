namespace ServiceStack;

/// <summary>Groups an operation in the API's descriptions, e.g. <c>[Tag("auth")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public class TagAttribute(string name) : Attribute
{
    public string Name { get; set; } = name;
}
