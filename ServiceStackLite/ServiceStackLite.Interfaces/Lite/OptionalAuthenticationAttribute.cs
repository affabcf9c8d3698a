namespace ServiceStackLite;

/// <summary>
/// ServiceStackLite's own: anyone may call the operation, and when a bearer token comes with the
/// request its service may read who sent it (<c>GetSession()</c>). An operation with neither this
/// nor a guard never looks at credentials, so a stale token sent along by a client does no harm.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OptionalAuthenticationAttribute : Attribute;
