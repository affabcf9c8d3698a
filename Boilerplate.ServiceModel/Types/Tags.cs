namespace Boilerplate.ServiceModel.Types;

/// <summary>The groups the API's operations are shown in: the seed's two namespaces, the signing keys, roles, API keys and the audit trail.</summary>
public static class Tags
{
    public const string User = "user";
    public const string Auth = "auth";
    public const string Keys = "keys";
    public const string Roles = "roles";
    public const string ApiKeys = "apikeys";
    public const string Audit = "audit";
}
