namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// The credential an Authorization header carries: what follows "Bearer" (in any casing), or the
/// whole value, since the seed's clients send a bare token; surrounding spaces dropped. A span
/// over the header, so telling a key from a token copies nothing: a token is 600 to 800
/// characters, and its copies were the largest share of what an authenticated GET allocated.
/// </summary>
public static class BearerCredential
{
    public static ReadOnlySpan<char> Of(string? authorization)
    {
        var value = authorization.AsSpan().Trim();
        return value.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) ? value["Bearer".Length..].Trim() : value;
    }
}
