namespace ServiceStackLite;

/// <summary>
/// ServiceStackLite's own (ServiceStack has no rate limits): the operation is counted per client
/// by the app's <c>IRequestRateLimiter</c> on every route it is served at, before its guard, and
/// past the limit answers 429 with Retry-After. It cannot be sent in a batch, which would carry
/// many tries in one request.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RateLimitedAttribute : Attribute;
