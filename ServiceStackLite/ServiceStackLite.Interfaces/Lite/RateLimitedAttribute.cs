namespace ServiceStackLite;

/// <summary>
/// ServiceStackLite's own (ServiceStack has no rate limits): the operation is counted per client
/// by the app's <c>IRequestRateLimiter</c> on every route it is served at, before its guard, and
/// past the limit answers 429 with Retry-After. It cannot be sent in a batch, which would carry
/// many tries in one request.
/// </summary>
/// <remarks>
/// Operations that name the same <see cref="Budget"/> draw on one count per client, so a guesser
/// cannot spread its tries over every way in to the same thing; without a name, the operation has
/// a budget of its own, named after it.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RateLimitedAttribute(string? budget = null) : Attribute
{
    public string? Budget { get; } = budget;
}
