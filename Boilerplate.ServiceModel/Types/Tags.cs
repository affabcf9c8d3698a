namespace Boilerplate.ServiceModel.Types;

/// <summary>The groups the API's operations are shown in: the seed's two namespaces.</summary>
public static class Tags
{
    public const string User = "user";
    public const string Auth = "auth";
}
