namespace ServiceStackLite;

/// <summary>
/// ServiceStackLite's own: a password or token. It travels only in the request body, never in
/// the URL, where proxies, logs and browser history keep it: a value in the query string is
/// refused with 400, and the API's descriptions never show the property as a query parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SecretAttribute : Attribute;
